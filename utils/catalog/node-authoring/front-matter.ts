import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type Pair,
  parseDocument,
  type YAMLError,
  Scalar as YamlScalar,
} from 'yaml';
import type { Problem } from './problem';

/**
 * The front matter of an entry file, read by a real YAML parser (`yaml`), so the file means what organisers'
 * editors and GitHub's preview show: quoted and plain values, block and flow lists, comments, `: ` inside a
 * value where YAML allows it. Every value keeps the line it came from, because an error message must name it.
 *
 * Read with YAML's failsafe schema: every value is text until the catalog schema reads it (the entry builder
 * turns `year` into a number), so `id: no` stays the text "no", `year: 2020` the text "2020" and `dois: [10.1/x]`
 * a list of text. A key with nothing after it is an empty value, which a list key reads as an empty list.
 */

export interface Scalar {
  text: string;
  /** Quoted text is text even when it looks like a number or `[]`. */
  quoted: boolean;
  line: number;
}

/**
 * A list item. `- text` is a value; `- key: value` is a map (as in YAML), with any `key: value` lines indented
 * under it: a question is `- q1: text` with an optional `fr: texte` below, so its first key is its id.
 */
export interface Item {
  line: number;
  /** The item's text, or null when the item is a map. */
  value: Scalar | null;
  fields: Map<string, Scalar>;
}

/** A top-level `key:` with what follows it: a value, or a list, or a nested map. */
export interface Field {
  line: number;
  /** The value on the key's own line; empty (and unquoted) when a list or a map follows, `[]` for a flow list. */
  value: Scalar;
  items: Item[];
  children: Map<string, Scalar>;
}

export interface FrontMatter {
  fields: Map<string, Field>;
  problems: Problem[];
  /** The front matter is not YAML at all: nothing in it can be trusted, so its first problem is the one to fix. */
  unreadable: boolean;
}

/** Characters that make YAML read a value as something other than plain text when the value starts with them. */
const YAML_INDICATOR = /^(?:[[\]{},&*!|>%@`]|[-?:](?:\s|$))/;
const quoteTip = (why: string) => `quote this value ("…"): in YAML, ${why}`;

/** Reads the lines between the `---` delimiters; `firstLine` is the file line of `lines[0]`. */
export function parseFrontMatter(lines: readonly string[], firstLine: number): FrontMatter {
  const counter = new LineCounter();
  const source = lines.join('\n');
  // Duplicate keys are found below, so that the message can say where the first one is.
  const options = { schema: 'failsafe', lineCounter: counter, prettyErrors: false, uniqueKeys: false } as const;
  const doc = parseDocument(source, options);
  const lineAt = (offset: number) => firstLine - 1 + counter.linePos(offset).line;
  const lineOf = (node: Node | null | undefined, fallback: number) => (node?.range ? lineAt(node.range[0]) : fallback);
  const problems: Problem[] = doc.errors.map((error) => {
    // A quote left open is noticed where the parser runs out of text; the reader needs the line it opened on.
    const opened = error.code === 'MISSING_CHAR' ? lines.findIndex(opensQuote) : -1;
    const index = opened >= 0 ? opened : counter.linePos(error.pos[0]).line - 1;
    return { line: firstLine + index, field: null, message: explainYamlError(error, lines[index] ?? '') };
  });
  const fields = new Map<string, Field>();
  if (doc.errors.length > 0) return { fields, problems, unreadable: true };
  const problem = (line: number, field: string | null, message: string) => problems.push({ line, field, message });

  /** A value that must be text; a list or a map there is reported, and read as nothing. */
  const scalar = (node: unknown, line: number, field: string): Scalar | null => {
    if (node === null || node === undefined) return { text: '', quoted: false, line };
    if (isScalar(node)) {
      const quoted = node.type === YamlScalar.QUOTE_DOUBLE || node.type === YamlScalar.QUOTE_SINGLE;
      const text = typeof node.value === 'string' ? node.value : String(node.value ?? '');
      // `title: Part #1` is "Part" to YAML: a value cut short without a word is worse than a message. A comment
      // written as comments are (`# ` and words) is left alone.
      const rest = node.range ? source.slice(node.range[1], source.indexOf('\n', node.range[1]) >>> 0) : '';
      if (!quoted && /^[ \t]+#\S/.test(rest)) problem(lineOf(node, line), field, quoteTip('" #" starts a comment'));
      return { text, quoted, line: lineOf(node, line) };
    }
    problem(lineOf(node as Node, line), field, 'expected text here, not a list or a map');
    return null;
  };

  /** The `key: value` pairs of a map whose values must be text. */
  const textMap = (pairs: readonly Pair[], line: number, field: string): Map<string, Scalar> => {
    const map = new Map<string, Scalar>();
    for (const pair of pairs) {
      const key = scalar(pair.key, line, field);
      const value = key && scalar(pair.value, lineOf(pair.key as Node, line), `${field}.${key.text}`);
      const first = key && map.get(key.text);
      if (key && first) problem(key.line, key.text, `written twice; the first is at line ${first.line}`);
      else if (key && value) map.set(key.text, value);
    }
    return map;
  };

  if (doc.contents === null) return { fields, problems, unreadable: false };
  if (!isMap(doc.contents)) {
    problem(lineOf(doc.contents, firstLine), null, 'expected "key: value" lines');
    return { fields, problems, unreadable: true };
  }
  for (const pair of doc.contents.items) {
    const key = scalar(pair.key, firstLine, '');
    if (key === null) continue;
    const line = key.line;
    const first = fields.get(key.text);
    if (first !== undefined) {
      problem(line, key.text, `written twice; the first is at line ${first.line}`);
      continue;
    }
    const field: Field = { line, value: { text: '', quoted: false, line }, items: [], children: new Map() };
    const { value } = pair;
    if (isSeq(value)) {
      if (value.flow && value.items.length === 0) field.value = { text: '[]', quoted: false, line };
      field.items = value.items.map((item) => {
        const itemLine = lineOf(item as Node, line);
        if (isMap(item)) return { line: itemLine, value: null, fields: textMap(item.items, itemLine, key.text) };
        return { line: itemLine, value: scalar(item, itemLine, key.text), fields: new Map() };
      });
    } else if (isMap(value)) {
      field.children = textMap(value.items, line, key.text);
    } else {
      const text = scalar(value, line, key.text);
      if (text === null) continue;
      field.value = text;
    }
    fields.set(key.text, field);
  }
  return { fields, problems, unreadable: false };
}

/** Whether a `key: "value` line opens a quote it does not close (on that line). */
function opensQuote(line: string): boolean {
  const quoted = /^\s*(?:-\s+)?[^\s:#'"]+:\s+(["'])(.*)$/.exec(line);
  if (!quoted) return false;
  const [, quote, rest = ''] = quoted;
  return quote === '"' ? !/(?:^|[^\\])"\s*(?:#.*)?$/.test(rest) : !/'\s*(?:#.*)?$/.test(rest.replaceAll("''", ''));
}

/**
 * The parser's complaint in an organiser's words, for the mistakes people make in front matter: a value with
 * `: ` or starting with `[`, a quote left open, a tab; anything else is the parser's own first line.
 */
function explainYamlError(error: YAMLError, sourceLine: string): string {
  const value = /^\s*(?:-\s+)?[^\s:#'"]+:\s+(.*)$/.exec(sourceLine)?.[1] ?? '';
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return 'tab in the indentation; indent with spaces';
    case 'MISSING_CHAR':
      return 'a quoted value is never closed: add the closing quote (write \\" for a quote inside "…")';
    case 'BAD_INDENT':
      return 'indented differently from the lines above it; line up the items of a list, and the keys of an item';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      if (/:\s/.test(value)) return quoteTip('": " inside a value starts a new field');
      return 'indented differently from the lines above it; line up the keys of an item under its first key';
  }
  if (YAML_INDICATOR.test(value)) return quoteTip(`a value cannot start with "${value.slice(0, 1)}"`);
  return `not valid YAML: ${(error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '')}`;
}
