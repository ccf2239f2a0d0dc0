/**
 * A reference in an APA-like style, the one most journal clubs in health and social sciences paste into their
 * posts: `Albers, B., Metz, A. (2020). Title. Journal, 20(1), 1–10. https://doi.org/…`. It is a starting point the
 * organiser edits, so missing parts are left out rather than guessed.
 */
export interface CitationParts {
  authors: readonly string[];
  year: string;
  title: string;
  journal: string;
  volume: string;
  issue: string;
  firstPage: string;
  lastPage: string;
  doi: string;
}

/** APA lists up to twenty authors; beyond that, the first nineteen, an ellipsis and the last. */
const APA_MAX_AUTHORS = 20;

/** `Surname, I. J.` from `Surname, Given Names` (the Highwire form) or `Given Names Surname`. */
export function apaAuthor(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  const comma = trimmed.indexOf(',');
  const [surname, given] =
    comma >= 0
      ? [trimmed.slice(0, comma).trim(), trimmed.slice(comma + 1).trim()]
      : [trimmed.split(' ').at(-1) ?? '', trimmed.split(' ').slice(0, -1).join(' ')];
  const initials = given
    .split(/[\s.]+/)
    .filter((part) => part !== '')
    .map((part) =>
      part
        .split('-')
        .map((piece) => `${[...piece][0]?.toUpperCase() ?? ''}.`)
        .join('-'),
    )
    .join(' ');
  return initials ? `${surname}, ${initials}` : surname;
}

function authorList(authors: readonly string[]): string {
  const names = authors.map(apaAuthor).filter((name) => name !== '');
  if (names.length <= 1) return names[0] ?? '';
  if (names.length > APA_MAX_AUTHORS) return `${names.slice(0, APA_MAX_AUTHORS - 1).join(', ')}, … ${names.at(-1)}`;
  return `${names.slice(0, -1).join(', ')}, & ${names.at(-1)}`;
}

/** The reference as one line; parts that are empty are left out with their punctuation. */
export function formatCitation(parts: CitationParts): string {
  const title = parts.title.trim().replace(/[.\s]+$/, '');
  const pages = [parts.firstPage, parts.lastPage].filter((page) => page.trim() !== '').join('–');
  const source = [
    parts.journal.trim(),
    parts.volume.trim() && `${parts.volume.trim()}${parts.issue.trim() ? `(${parts.issue.trim()})` : ''}`,
    pages,
  ]
    .filter((part) => part !== '')
    .join(', ');
  return [
    authorList(parts.authors),
    parts.year ? `(${parts.year}).` : '',
    title ? `${title}.` : '',
    source ? `${source}.` : '',
    parts.doi ? `https://doi.org/${parts.doi}` : '',
  ]
    .filter((part) => part !== '')
    .join(' ');
}
