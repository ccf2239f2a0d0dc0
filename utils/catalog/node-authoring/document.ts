import type { Problem } from './problem';

/**
 * An entry file's layout: `---`, front matter, `---`, then a Markdown body cut into `## Heading` sections.
 * Windows editors save CRLF line endings and a byte-order mark; both are accepted, since an author cannot see
 * them, and the body's Markdown keeps LF endings whatever the editor wrote.
 */

export interface Section {
  /** The heading's text, as written after `## `. */
  heading: string;
  line: number;
  /** The Markdown under the heading, without the blank lines around it; otherwise as written. */
  text: string;
}

export interface Document {
  frontMatter: string[];
  /** The file line of `frontMatter[0]`. */
  frontMatterLine: number;
  /** The line of the closing `---`. */
  closeLine: number;
  sections: Section[];
  problems: Problem[];
}

const DELIMITER = /^---[ \t]*$/;
/** A level-2 ATX heading, with CommonMark's optional indentation and closing hashes. */
const HEADING = /^ {0,3}##[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
/** A code fence's opening or closing line; a `## ` inside a fence is code, not a section. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The file cut into its parts, or the one problem that makes it unreadable (no front matter, or no end to it). */
export function splitDocument(text: string): Document | Problem {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  if (!DELIMITER.test(lines[0] ?? '')) {
    return { line: 1, field: null, message: 'no front matter: the file must start with a line "---"' };
  }
  const close = lines.findIndex((line, index) => index > 0 && DELIMITER.test(line));
  if (close === -1) {
    return { line: 1, field: null, message: 'the front matter that starts here never ends: add a line "---" after it' };
  }
  const bodyLine = close + 2;
  const { sections, problems } = readSections(lines.slice(close + 1), bodyLine);
  return { frontMatter: lines.slice(1, close), frontMatterLine: 2, closeLine: close + 1, sections, problems };
}

/** Cuts the body at its `## ` headings; text before the first one is a problem, since it would be lost. */
export function readSections(
  lines: readonly string[],
  firstLine: number,
): { sections: Section[]; problems: Problem[] } {
  const sections: Section[] = [];
  const problems: Problem[] = [];
  let current: { heading: string; line: number; lines: string[] } | undefined;
  let fence: string | undefined;
  const flush = () => {
    if (current === undefined) return;
    const { heading, line } = current;
    sections.push({
      heading,
      line,
      text: current.lines
        .join('\n')
        .replace(/^(?:[ \t]*\n)+/, '')
        .trimEnd(),
    });
  };

  lines.forEach((text, index) => {
    const line = firstLine + index;
    const fenceMark = FENCE.exec(text)?.[1];
    if (fenceMark !== undefined) {
      if (fence === undefined) fence = fenceMark;
      else if (fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined;
    }
    const heading = fence === undefined ? HEADING.exec(text)?.[1] : undefined;
    if (heading !== undefined) {
      flush();
      current = { heading, line, lines: [] };
    } else if (current !== undefined) {
      current.lines.push(text);
    } else if (text.trim() !== '' && problems.length === 0) {
      problems.push({ line, field: null, message: 'text before the first section; start the body with "## Summary"' });
    }
  });
  flush();
  return { sections, problems };
}
