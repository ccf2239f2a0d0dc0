import { splitDocument } from './document';
import { parseFrontMatter, type Scalar } from './front-matter';
import type { Problem } from './problem';

/**
 * Turns one entry file into the raw entry a feed would carry, before validation. The schema stays the one judge
 * of values (a bad DOI is its call); this file only reports what the schema cannot see, because the file's
 * shape lost it: unknown keys (a typo would otherwise drop a field silently), a list where text belongs, an
 * unknown or repeated section. Each field's line is recorded so that schema issues can name a line too.
 */

export interface AuthoredEntry {
  /** The entry as a feed would carry it. A field the file lacks is absent, so that the schema says "required". */
  raw: Record<string, unknown>;
  /** The file line of each field path (`dois[0]`, `title.fr`, `summary`); `''` is the entry as a whole. */
  lines: Map<string, number>;
  /** Paths already reported here; schema issues under them would only say the same again (e.g. "required"). */
  reported: string[];
  problems: Problem[];
}

/** Front-matter keys, in the documented order (the message for an unknown key lists them). */
const KEYS = [
  'id',
  'dois',
  'title',
  'title_fr',
  'authors',
  'citation',
  'year',
  'articleUrls',
  'pdfUrl',
  'club',
  'postUrl',
  'published',
  'meeting',
  'questions',
];
const LISTS = ['dois', 'authors', 'articleUrls'];
const TEXTS = ['id', 'citation', 'pdfUrl', 'postUrl', 'published', 'meeting'];
const CLUB_KEYS = ['name', 'name_fr', 'url'];

type Body = 'summary' | 'commentary';
/**
 * Section headings (compared without case) and the field and language each one fills. A Map, not an object, so
 * that a heading such as `## Constructor` finds nothing rather than `Object.prototype.constructor`.
 */
const SECTIONS = new Map<string, [Body, 'en' | 'fr']>([
  ['summary', ['summary', 'en']],
  ['commentary', ['commentary', 'en']],
  ['résumé', ['summary', 'fr']],
  ['commentaire', ['commentary', 'fr']],
]);

const isEmpty = (value: Scalar) => value.text === '' && !value.quoted;
const isEmptyList = (value: Scalar) => isEmpty(value) || (value.text === '[]' && !value.quoted);

/** The entry in the text of `file`, or the one problem that leaves nothing to read (no front matter). */
export function readEntry(file: string): AuthoredEntry | Problem {
  const doc = splitDocument(file);
  if (!('sections' in doc)) return doc;
  const { fields, problems: syntax, unreadable } = parseFrontMatter(doc.frontMatter, doc.frontMatterLine);
  // Not YAML at all: any field read from it could be wrong, so only the first problem is worth saying.
  const [fatal] = syntax;
  if (unreadable && fatal) return fatal;
  const raw: Record<string, unknown> = {};
  const lines = new Map<string, number>([['', 1]]);
  const entry: AuthoredEntry = { raw, lines, reported: [], problems: [...syntax, ...doc.problems] };
  const report = (line: number, path: string, field: string | null, message: string) => {
    entry.problems.push({ line, field, message });
    entry.reported.push(path);
  };

  /** A value on the key's own line, with its line recorded under `path`. */
  const inline = (key: string, path = key): Scalar | undefined => {
    const field = fields.get(key);
    if (field === undefined) return undefined;
    lines.set(path, field.line);
    const isList =
      field.items.length > 0 || field.children.size > 0 || (field.value.text === '[]' && !field.value.quoted);
    if (!isList) return field.value;
    report(field.line, path, key, 'expected a value on the same line as the key');
    return undefined;
  };

  /** The `- item` lines under `key`, or undefined when it is missing or not a list. */
  const items = (key: string) => {
    const field = fields.get(key);
    if (field === undefined) return undefined;
    lines.set(key, field.line);
    if (field.children.size === 0 && isEmptyList(field.value)) return field.items;
    report(field.line, key, key, 'expected a list: one "- item" per line under the key, or [] for none');
    return undefined;
  };

  const localized = (path: string, en: Scalar | undefined, fr: Scalar | undefined) => {
    for (const [lang, value] of [['en', en] as const, ['fr', fr] as const]) {
      if (value === undefined) continue;
      if (!lines.has(path) || lang === 'en') lines.set(path, value.line);
      lines.set(`${path}.${lang}`, value.line);
    }
    if (fr === undefined) return en?.text;
    return en === undefined ? { fr: fr.text } : { en: en.text, fr: fr.text };
  };

  for (const [key, field] of fields) {
    if (!KEYS.includes(key)) report(field.line, key, key, `unknown field; expected one of ${KEYS.join(', ')}`);
  }
  for (const key of TEXTS) {
    const value = inline(key);
    if (value !== undefined) raw[key] = value.text;
  }
  const year = inline('year');
  // Unquoted digits are a number, as in YAML; anything else stays text for the schema to refuse.
  if (year !== undefined)
    raw.year = !year.quoted && /^[-+]?\d+(?:\.\d+)?$/.test(year.text) ? Number(year.text) : year.text;
  const title = localized('title', inline('title'), inline('title_fr', 'title.fr'));
  if (title !== undefined) raw.title = title;

  for (const key of LISTS) {
    raw[key] = items(key)?.map((item, index) => {
      const path = `${key}[${index}]`;
      lines.set(path, item.line);
      const [first] = item.fields.values();
      if (first === undefined && item.value !== null) return item.value.text;
      const message = item.value === null ? 'expected text, not "key: value" (quote it if it has ": ")' : undefined;
      report(first?.line ?? item.line, path, path, message ?? 'a list item takes no indented "key: value" lines');
      return null;
    });
    if (raw[key] === undefined) delete raw[key];
  }

  const club = fields.get('club');
  if (club !== undefined) {
    lines.set('club', club.line);
    if (club.items.length > 0 || !isEmpty(club.value)) {
      report(club.line, 'club', 'club', 'expected "name:" and "url:" indented under "club:"');
    } else {
      const { children } = club;
      for (const [key, value] of children) {
        if (!CLUB_KEYS.includes(key))
          report(value.line, `club.${key}`, `club.${key}`, 'unknown field; expected name, name_fr or url');
      }
      const name = localized('club.name', children.get('name'), children.get('name_fr'));
      const url = children.get('url');
      if (url !== undefined) lines.set('club.url', url.line);
      raw.club = { ...(name !== undefined && { name }), ...(url !== undefined && { url: url.text }) };
    }
  }

  raw.questions = items('questions')?.map((item, index) => {
    const path = `questions[${index}]`;
    for (const suffix of ['', '.id', '.text']) lines.set(`${path}${suffix}`, item.line);
    const [[id, question] = [], ...rest] = item.fields;
    if (item.value !== null || id === undefined) {
      report(item.line, path, path, 'expected "- id: question text", e.g. "- q1: Why …?"');
      return null;
    }
    for (const [key, value] of rest) {
      if (key !== 'fr')
        report(value.line, `${path}.${key}`, `${path}.${key}`, 'unknown field; a question takes only "fr"');
    }
    const fr = rest.find(([key]) => key === 'fr')?.[1];
    return { id, text: localized(`${path}.text`, question, fr) };
  });
  if (raw.questions === undefined) delete raw.questions;

  const found: Record<Body, { en?: Scalar; fr?: Scalar }> = { summary: {}, commentary: {} };
  const seen = new Map<string, number>();
  for (const { heading, line, text: markdown } of doc.sections) {
    const label = `## ${heading}`;
    const target = SECTIONS.get(heading.toLowerCase());
    const first = seen.get(heading.toLowerCase());
    if (target === undefined) {
      report(line, label, label, 'unknown section; expected ## Summary, ## Commentary, ## Résumé or ## Commentaire');
    } else if (first !== undefined) {
      report(line, label, label, `written twice; the first is at line ${first}`);
    } else {
      seen.set(heading.toLowerCase(), line);
      found[target[0]][target[1]] = { text: markdown, quoted: false, line };
    }
  }
  for (const body of ['summary', 'commentary'] as const) {
    // A missing section is reported at the end of the front matter, where the body starts.
    lines.set(body, doc.closeLine);
    const value = localized(body, found[body].en, found[body].fr);
    if (value !== undefined) raw[body] = value;
  }
  entry.problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return entry;
}
