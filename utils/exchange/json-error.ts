/**
 * Where a JSON text stops being valid, as a line and column a reader can find in an editor. `JSON.parse` only
 * sometimes says (V8 gives a position for some errors and a snippet for others; Firefox gives line and
 * column), so after it fails the text is scanned again by this small checker, which follows RFC 8259 exactly
 * as `JSON.parse` does. It keeps an explicit stack rather than recursing, so deep nesting cannot overflow it.
 */

export interface JsonErrorLocation {
  /** UTF-16 offset of the first character that cannot be part of valid JSON (the text's length if it ended). */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units, as editors that count characters mostly agree. */
  column: number;
  /** The text ended before the JSON was complete: typically a truncated file. */
  atEnd: boolean;
}

type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

const [OPEN_OBJECT, CLOSE_OBJECT, OPEN_ARRAY, CLOSE_ARRAY, QUOTE, COLON, COMMA] = [...'{}[]":,'].map((c) =>
  c.charCodeAt(0),
);
/** JSON's whitespace: space, tab, line feed, carriage return. */
const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];
const ESCAPE = /["\\/bfnrt]|u[0-9a-fA-F]{4}/y;

/** The first error in `text`, or null when it is valid JSON. */
export function locateJsonError(text: string): JsonErrorLocation | null {
  // Char codes rather than one-character strings, so that a 20 MB file costs no string per character.
  const stack: number[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const afterValue = (): Expect => (stack.length === 0 ? 'end' : 'comma-or-close');

  while (true) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (i >= text.length) return expect === 'end' ? null : locate(text, text.length);
    const c = text.charCodeAt(i);

    if (expect === 'value' || expect === 'value-or-close') {
      if (c === CLOSE_ARRAY && expect === 'value-or-close') {
        stack.pop();
        i++;
        expect = afterValue();
      } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        stack.push(c);
        i++;
        expect = c === OPEN_OBJECT ? 'key-or-close' : 'value-or-close';
      } else if (c === QUOTE) {
        i = skipString(text, i);
        if (i < 0) return locate(text, -i - 1);
        expect = afterValue();
      } else {
        const end = skipScalar(text, i);
        if (end === -1) return locate(text, text.length);
        if (end === i) return locate(text, i);
        i = end;
        expect = afterValue();
      }
    } else if (expect === 'key' || expect === 'key-or-close') {
      if (c === CLOSE_OBJECT && expect === 'key-or-close') {
        stack.pop();
        i++;
        expect = afterValue();
      } else if (c === QUOTE) {
        i = skipString(text, i);
        if (i < 0) return locate(text, -i - 1);
        expect = 'colon';
      } else return locate(text, i);
    } else if (expect === 'colon') {
      if (c !== COLON) return locate(text, i);
      i++;
      expect = 'value';
    } else if (expect === 'comma-or-close') {
      const open = stack.at(-1);
      if (c === COMMA) expect = open === OPEN_OBJECT ? 'key' : 'value';
      else if ((c === CLOSE_ARRAY && open === OPEN_ARRAY) || (c === CLOSE_OBJECT && open === OPEN_OBJECT)) {
        stack.pop();
        expect = afterValue();
      } else return locate(text, i);
      i++;
    } else return locate(text, i);
  }
}

/** The offset after the string starting at `start`, or `-(offset + 1)` of the character that breaks it. */
function skipString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return -(i + 1);
    if (code === 0x5c) {
      ESCAPE.lastIndex = i + 1;
      const sequence = ESCAPE.exec(text);
      if (sequence === null) return -(Math.min(i + 1, text.length) + 1);
      i = ESCAPE.lastIndex;
    } else i++;
  }
  return -(text.length + 1);
}

/**
 * The offset after the number or literal at `start`; `start` when there is none; -1 when the text ends inside
 * a literal (`tru`), which is a truncation rather than a wrong character.
 */
function skipScalar(text: string, start: number): number {
  NUMBER.lastIndex = start;
  if (NUMBER.exec(text) !== null) return NUMBER.lastIndex;
  const rest = text.slice(start, start + 5);
  const literal = LITERALS.find((word) => rest.startsWith(word));
  if (literal !== undefined) return start + literal.length;
  return LITERALS.some((word) => word.startsWith(rest)) ? -1 : start;
}

function locate(text: string, offset: number): JsonErrorLocation {
  let line = 1;
  let lineStart = 0;
  // A plain loop: an `indexOf('\n')` loop measured quadratic once V8 optimised it (Node 20).
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1, atEnd: offset >= text.length };
}
