import * as v from 'valibot';
import { type CatalogEntry, CatalogEntrySchema } from './schema';

/**
 * Reads a catalog feed: `{ "version": 1, "entries": [CatalogEntry, ...] }`.
 *
 * The envelope is required (a bare array is refused) so that the format can change later under a new
 * `version` without an old extension misreading a new feed. Each entry is validated on its own: one broken
 * entry is reported and skipped, and the others still load, because a club's typo must not hide its whole
 * catalog. Nothing here throws: a feed is untrusted input and its failures are data for the options page.
 */

/** The feed format this code reads. */
export const CATALOG_VERSION = 1;

/** More entries than any club will publish; beyond it, a feed is more likely hostile than busy. */
export const MAX_CATALOG_ENTRIES = 1_000;

/** Issues listed per rejected entry; the rest are counted, so that one message stays readable. */
const MAX_ISSUES_PER_ENTRY = 3;

export interface CatalogError {
  /** Where the feed came from (`bundled`, or the feed's URL), as given to {@link parseCatalog}. */
  source: string;
  /** The entry's position in `entries`, or null when the error is about the feed as a whole. */
  index: number | null;
  /** The entry's `id` as written (even if invalid, but cut to 100 characters), or null when it has no string id. */
  id: string | null;
  /** One line naming the entry and field, e.g. `entry "albers-2020" (#0): questions[1].text: expected a non-empty string`. */
  message: string;
}

export interface ParsedCatalog {
  entries: CatalogEntry[];
  errors: CatalogError[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Ids are quoted into messages; a hostile one must not make the message huge. */
const quote = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 59)}…` : text);

/** `questions[1].text`, the way the field is written in the feed. */
function formatPath(path: readonly v.IssuePathItem[] | undefined): string {
  let out = '';
  for (const item of path ?? []) {
    const key = item.key;
    out += typeof key === 'number' ? `[${key}]` : `${out === '' ? '' : '.'}${String(key)}`;
  }
  return out;
}

function formatIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const shown = issues.slice(0, MAX_ISSUES_PER_ENTRY).map((issue) => {
    const path = formatPath(issue.path);
    return path === '' ? issue.message : `${path}: ${issue.message}`;
  });
  const hidden = issues.length - shown.length;
  return hidden > 0 ? `${shown.join('; ')}; and ${hidden} more` : shown.join('; ');
}

function feedError(source: string, message: string): CatalogError {
  return { source, index: null, id: null, message };
}

/** The array of raw entries, or the one error that makes the whole feed unreadable. */
function readEnvelope(json: unknown, source: string): unknown[] | CatalogError {
  const expected = `expected { "version": ${CATALOG_VERSION}, "entries": [...] }`;
  if (Array.isArray(json)) return feedError(source, `${expected}, got a bare array`);
  if (!isRecord(json)) return feedError(source, `${expected}, got ${json === null ? 'null' : typeof json}`);
  if (json.version !== CATALOG_VERSION) {
    const version = typeof json.version === 'number' ? String(json.version) : 'none';
    return feedError(
      source,
      `unsupported catalog version ${version} (this extension reads version ${CATALOG_VERSION})`,
    );
  }
  if (!Array.isArray(json.entries)) return feedError(source, 'entries: expected an array');
  return json.entries;
}

/**
 * Validates a parsed feed (`JSON.parse` output) from `source`. Returns the valid entries in feed order and one
 * error per rejected entry. Within one feed, a repeated id is a mistake: the first entry keeps it.
 */
export function parseCatalog(json: unknown, source: string): ParsedCatalog {
  const raw = readEnvelope(json, source);
  if (!Array.isArray(raw)) return { entries: [], errors: [raw] };

  const entries: CatalogEntry[] = [];
  const errors: CatalogError[] = [];
  const firstIndexById = new Map<string, number>();

  for (const [index, item] of raw.slice(0, MAX_CATALOG_ENTRIES).entries()) {
    const id = isRecord(item) && typeof item.id === 'string' ? item.id.slice(0, 100) : null;
    const label = id === null ? `entry #${index}` : `entry ${quote(id)} (#${index})`;
    const result = v.safeParse(CatalogEntrySchema, item);
    const first = result.success ? firstIndexById.get(result.output.id) : undefined;
    if (!result.success || first !== undefined) {
      const problem = result.success ? `duplicate id; the entry at #${first} is kept` : formatIssues(result.issues);
      errors.push({ source, index, id, message: `${label}: ${problem}` });
      continue;
    }
    firstIndexById.set(result.output.id, index);
    entries.push(result.output);
  }

  if (raw.length > MAX_CATALOG_ENTRIES) {
    errors.push(feedError(source, `entries: only the first ${MAX_CATALOG_ENTRIES} of ${raw.length} entries were read`));
  }
  return { entries, errors };
}
