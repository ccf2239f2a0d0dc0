import type { Problem } from './problem';

/**
 * The front matter of an entry file: a small, fixed subset of YAML, read line by line so that every value keeps
 * the line it came from (an error message must name that line).
 *
 * Accepted: `key: value`; `key:` followed by indented `- item` lines (a list) or indented `key: value` lines (one
 * nested map, for `club:`); a list item may itself be `- key: value` with more `key: value` lines indented under
 * it (questions); `"double"` (JSON escapes) and `'single'` (`''` for a quote) quoted values; `[]` for an empty
 * list; whole-line `#` comments. Indentation is spaces.
 *
 * Everything accepted reads the same in a real YAML parser, so GitHub's preview and editors show the file as
 * we read it. Plain values that YAML would read differently (`: ` or ` #` inside, a leading `[`, `&`, `*`…) are
 * refused with a message to quote them, instead of being read in a way YAML would not. One difference is kept on
 * purpose: every value is text (the entry builder turns `year` into a number), so `id: no` is never `false`, and
 * a list key with nothing under it is an empty list rather than YAML's null.
 */

export interface Scalar {
  text: string;
  /** Quoted text is text even when it looks like a number or `[]`. */
  quoted: boolean;
  line: number;
}

/**
 * A `- item` line. `- text` is a value; `- key: value` is a map (as in YAML), with any `key: value` lines indented
 * under it: a question is `- q1: text` with an optional `fr: texte` below, so its first key is its id.
 */
export interface Item {
  line: number;
  /** The item's text, or null when the item is a map. */
  value: Scalar | null;
  fields: Map<string, Scalar>;
}

/** A top-level `key:` with what follows it: a value on its line, or a list, or a nested map. */
export interface Field {
  line: number;
  /** The value on the key's own line; empty (and unquoted) when a block follows. */
  value: Scalar;
  items: Item[];
  children: Map<string, Scalar>;
}

export interface FrontMatter {
  fields: Map<string, Field>;
  problems: Problem[];
}

/** `key: value` or `key:`; the key is anything up to the first colon, so a bad question id reaches the schema. */
const KEY_VALUE = /^([^\s:'"#]+):(?:[ \t]+(.*))?$/;
/** Characters that make YAML read a value as something other than plain text when the value starts with them. */
const YAML_INDICATOR = /^(?:[[\]{},&*!|>%@`]|[-?:](?:\s|$))/;

const quoteTip = (why: string) => `quote this value ("…"): in YAML, ${why}`;

/** The key and value of a `key: value` line, or null when the line is not one. */
export function readKeyValue(text: string, line: number, problems: Problem[]): { key: string; value: Scalar } | null {
  const match = KEY_VALUE.exec(text);
  if (match?.[1] === undefined) return null;
  return { key: match[1], value: readScalar(match[2] ?? '', line, problems) };
}

/** The text of one value as written after `key: ` or `- `, unquoted; problems for what YAML would misread. */
export function readScalar(raw: string, line: number, problems: Problem[]): Scalar {
  const text = raw.trim();
  const problem = (message: string) => problems.push({ line, field: null, message });
  if (text.startsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'string') return { text: parsed, quoted: true, line };
    } catch {}
    problem('a value that starts with " must end with " at the end of the line (write \\" for a quote inside)');
  } else if (text.startsWith("'")) {
    const match = /^'((?:[^']|'')*)'$/.exec(text);
    if (match?.[1] !== undefined) return { text: match[1].replaceAll("''", "'"), quoted: true, line };
    problem("a value that starts with ' must end with ' at the end of the line (write '' for a quote inside)");
  } else if (text === '[]') {
    return { text, quoted: false, line };
  } else if (YAML_INDICATOR.test(text)) {
    problem(quoteTip(`a value cannot start with "${text.slice(0, 1)}"`));
  } else if (/:(?:\s|$)/.test(text)) {
    problem(quoteTip('": " inside a value starts a new field'));
  } else if (/\s#/.test(text)) {
    problem(quoteTip('" #" starts a comment'));
  }
  return { text, quoted: false, line };
}

/** Reads the lines between the `---` delimiters; `firstLine` is the file line of `lines[0]`. */
export function parseFrontMatter(lines: readonly string[], firstLine: number): FrontMatter {
  const fields = new Map<string, Field>();
  const problems: Problem[] = [];
  /** The open top-level key, and the indentation its block's lines share (set by the first of them). */
  let block: { field: Field; indent?: number } | undefined;
  /** The open `- key: value` item, and the column its keys start at. */
  let item: { item: Item; column: number } | undefined;

  const setOnce = (map: Map<string, Scalar>, key: string, value: Scalar) => {
    const first = map.get(key);
    if (first === undefined) map.set(key, value);
    else problems.push({ line: value.line, field: key, message: `written twice; the first is at line ${first.line}` });
  };

  /** Reads one line into the fields above; returns a syntax problem's message, if any. */
  const readLine = (raw: string, line: number): string | undefined => {
    const leading = /^[ \t]*/.exec(raw)?.[0] ?? '';
    // Reported, then read as if spaces, so that one tab gives one message rather than a cascade.
    if (leading.includes('\t'))
      problems.push({ line, field: null, message: 'tab in the indentation; indent with spaces' });
    const indent = leading.replaceAll('\t', '  ').length;
    const text = raw.slice(leading.length).trimEnd();
    if (text === '' || text.startsWith('#')) return;
    const isItem = text === '-' || text.startsWith('- ');

    if (indent === 0 && !isItem) {
      block = undefined;
      item = undefined;
      const pair = readKeyValue(text, line, problems);
      if (pair === null) return 'expected "key: value" (a value must fit on one line)';
      const first = fields.get(pair.key);
      if (first !== undefined) {
        problems.push({ line, field: pair.key, message: `written twice; the first is at line ${first.line}` });
        return;
      }
      const field: Field = { line, value: pair.value, items: [], children: new Map() };
      fields.set(pair.key, field);
      // Only `key:` with nothing after it opens a block, as in YAML; after a value, indented lines are an error.
      if (pair.value.text === '' && !pair.value.quoted) block = { field };
      return;
    }
    if (block === undefined) return 'unexpected indentation: only a "key:" with nothing after it takes indented lines';
    const { field } = block;
    if (item !== undefined && !isItem && indent > (block.indent ?? 0)) {
      if (indent !== item.column)
        return `indented ${indent} spaces; align it with the item's first key (${item.column})`;
      const pair = readKeyValue(text, line, problems);
      if (pair === null) return 'expected "key: value" under a "- key: value" item (a value must fit on one line)';
      setOnce(item.item.fields, pair.key, pair.value);
      return;
    }
    block.indent ??= indent;
    if (indent !== block.indent) return `indented ${indent} spaces; the lines above it are indented ${block.indent}`;
    if (isItem) {
      if (field.children.size > 0) return 'a "- item" among "key: value" lines; use one or the other';
      const after = text.slice(1);
      const rest = after.trim();
      const pair = readKeyValue(rest, line, problems);
      const value = pair === null ? readScalar(rest, line, problems) : null;
      const itemFields = new Map(pair === null ? [] : [[pair.key, pair.value]]);
      item = {
        item: { line, value, fields: itemFields },
        column: indent + 1 + after.length - after.trimStart().length,
      };
      field.items.push(item.item);
      return;
    }
    if (indent === 0 || field.items.length > 0) return 'expected "- item" in this list';
    const pair = readKeyValue(text, line, problems);
    if (pair === null) return 'expected "key: value" (a value must fit on one line)';
    setOnce(field.children, pair.key, pair.value);
  };
  lines.forEach((raw, index) => {
    const line = firstLine + index;
    const message = readLine(raw, line);
    if (message !== undefined) problems.push({ line, field: null, message });
  });
  return { fields, problems };
}
