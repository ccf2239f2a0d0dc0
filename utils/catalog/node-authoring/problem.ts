/** One thing an author must fix, at the line to look at. Parsing never throws: every failure becomes one of these. */
export interface Problem {
  /** 1-based line in the file, or null when the problem is about no line (e.g. the folder as a whole). */
  line: number | null;
  /** The field as the author wrote it (`dois[0]`, `title_fr`, `## Summary`), or null for a syntax problem. */
  field: string | null;
  message: string;
}

/** A {@link Problem} with the file it is in. */
export interface FileProblem extends Problem {
  file: string;
}

/** `albers-2020.md:7: dois[0]: expected a DOI …`: the shape editors and terminals turn into a link to the line. */
export function formatProblem({ file, line, field, message }: FileProblem): string {
  return `${file}${line === null ? '' : `:${line}`}: ${field === null ? '' : `${field}: `}${message}`;
}
