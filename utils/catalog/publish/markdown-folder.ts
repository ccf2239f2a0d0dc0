import type { LocalizedText } from '../localized';
import type { CatalogEntry } from '../schema';
import { feedDocument } from './feed-document';

/**
 * The catalog as the folder of Markdown files that `npm run catalog -- build <folder>` reads
 * (`utils/catalog/node-authoring/`): one file per entry, front matter then `## Summary`, `## Commentary` and
 * their French sections. Building the folder gives back, byte for byte, the feed of `feed-document.ts`.
 *
 * Every front-matter text is a double-quoted JSON string, which YAML reads as the same text whatever it holds
 * (`: `, `#`, quotes, a leading `-`, line breaks), and which the build's failsafe schema keeps as text. File
 * names start with the entry's position, because the build orders entries by file name.
 *
 * Summaries and commentaries are Markdown and go into the body as written. Two things in one cannot: a line
 * that reads as a `## ` heading outside a code block (the build would start a new section there), and a code
 * block left open (it would swallow the sections after it). Such an entry is named in `problems` and left out,
 * rather than written into a folder that would build into something else.
 */

export interface MarkdownFile {
  name: string;
  text: string;
}

/** A level-2 heading as the build reads one, and a code fence's mark: the two things that cut a body. */
const HEADING = /^ {0,3}##[ \t]+/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function markdownFolder(entries: readonly CatalogEntry[]): { files: MarkdownFile[]; problems: string[] } {
  const { feed, problems } = feedDocument(entries);
  const writable = feed.entries.filter((entry) => {
    const problem = bodyProblem(entry);
    if (problem !== null) problems.push(`entry "${entry.id}": ${problem}`);
    return problem === null;
  });
  const width = Math.max(2, String(writable.length).length);
  const files = writable.map((entry, index) => ({
    name: `${String(index + 1).padStart(width, '0')}-${entry.id}.md`,
    text: entryFile(entry),
  }));
  return { files, problems };
}

const quoted = (text: string) => JSON.stringify(text);
const english = (text: LocalizedText) => (typeof text === 'string' ? text : text.en);
const french = (text: LocalizedText) => (typeof text === 'string' ? undefined : text.fr);
const list = (key: string, items: readonly string[]) =>
  items.length === 0 ? [`${key}: []`] : [`${key}:`, ...items.map((item) => `  - ${quoted(item)}`)];
const optional = (key: string, value: string | undefined) => (value === undefined ? [] : [`${key}: ${quoted(value)}`]);

/** One entry's file, in the documented order of its keys. */
export function entryFile(entry: CatalogEntry): string {
  const front = [
    `id: ${quoted(entry.id)}`,
    ...list('dois', entry.dois),
    `title: ${quoted(english(entry.title))}`,
    ...optional('title_fr', french(entry.title)),
    ...list('authors', entry.authors),
    `citation: ${quoted(entry.citation)}`,
    `year: ${entry.year}`,
    ...list('articleUrls', entry.articleUrls),
    ...optional('pdfUrl', entry.pdfUrl),
    'club:',
    `  name: ${quoted(english(entry.club.name))}`,
    ...optional('  name_fr', french(entry.club.name)),
    `  url: ${quoted(entry.club.url)}`,
    `postUrl: ${quoted(entry.postUrl)}`,
    ...optional('published', entry.published),
    ...optional('meeting', entry.meeting),
    'questions:',
    ...entry.questions.flatMap(({ id, text }) => [
      `  - ${id}: ${quoted(english(text))}`,
      ...optional('    fr', french(text)),
    ]),
  ];
  const sections: [string, string | undefined][] = [
    ['Summary', english(entry.summary)],
    ['Commentary', english(entry.commentary)],
    ['Résumé', french(entry.summary)],
    ['Commentaire', french(entry.commentary)],
  ];
  const body = sections.flatMap(([heading, text]) => (text === undefined ? [] : [`## ${heading}`, '', text, '']));
  return ['---', ...front, '---', '', ...body].join('\n');
}

/** Why the entry's Markdown cannot be a body section as written, or null when it can. */
function bodyProblem(entry: CatalogEntry): string | null {
  const fields: [string, string | undefined][] = [
    ['summary', english(entry.summary)],
    ['commentary', english(entry.commentary)],
    ['summary (French)', french(entry.summary)],
    ['commentary (French)', french(entry.commentary)],
  ];
  for (const [field, text] of fields) {
    if (text === undefined) continue;
    if (text.includes('\r')) return `${field}: has a carriage return, which a Markdown file cannot keep`;
    let fence: string | undefined;
    for (const line of text.split('\n')) {
      const mark = FENCE.exec(line)?.[1];
      if (mark !== undefined) {
        if (fence === undefined) fence = mark;
        else if (mark[0] === fence[0] && mark.length >= fence.length) fence = undefined;
      } else if (fence === undefined && HEADING.test(line)) {
        return `${field}: the line "${line.slice(0, 60)}" would start a new section; use "###" for a heading`;
      }
    }
    if (fence !== undefined) return `${field}: a code block is never closed; close it with ${fence}`;
  }
  return null;
}
