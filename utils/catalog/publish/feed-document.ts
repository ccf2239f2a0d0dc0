import type { LocalizedText } from '../localized';
import { CATALOG_VERSION, parseCatalog } from '../parse';
import type { CatalogEntry } from '../schema';

/**
 * The catalog feed a club hosts (`{ "version": 1, "entries": [...] }`), written from its own entries: exactly the
 * document a subscriber's `parseCatalog` reads back into the same entries, and, byte for byte, what
 * `npm run catalog -- build` writes from the Markdown folder of the same entries (`markdown-folder.ts`).
 *
 * Each entry goes through `parseCatalog` first, so the feed holds the schema's own spelling of it (its field
 * order, trimmed text, the first of two spellings of one DOI) and nothing a reader would refuse. Text with an
 * English version only is written as a plain string, which is how a Markdown file says it (a `{ en }` object
 * without `fr` has no other spelling there) and means the same to every reader.
 */

export interface FeedDocument {
  version: typeof CATALOG_VERSION;
  entries: CatalogEntry[];
}

/** The entries a feed carries, with the messages of any that a subscriber would refuse (these are left out). */
export function feedDocument(entries: readonly CatalogEntry[]): { feed: FeedDocument; problems: string[] } {
  const parsed = parseCatalog({ version: CATALOG_VERSION, entries: entries.map(plainEnglish) }, 'my club');
  return {
    feed: { version: CATALOG_VERSION, entries: parsed.entries },
    problems: parsed.errors.map(({ message }) => message),
  };
}

/** The feed's file: two-space JSON and a final line break, as the catalog command writes it. */
export function feedText(feed: FeedDocument): string {
  return `${JSON.stringify(feed, null, 2)}\n`;
}

const plain = (text: LocalizedText): LocalizedText =>
  typeof text === 'string' || text.fr !== undefined ? text : text.en;

/** The entry with each English-only `{ en }` text written as the plain string it means. */
export function plainEnglish(entry: CatalogEntry): CatalogEntry {
  return {
    ...entry,
    title: plain(entry.title),
    club: { ...entry.club, name: plain(entry.club.name) },
    summary: plain(entry.summary),
    commentary: plain(entry.commentary),
    questions: entry.questions.map((question) => ({ ...question, text: plain(question.text) })),
  };
}
