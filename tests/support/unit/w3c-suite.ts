import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/**
 * The W3C's own Web Annotation test suite (w3c/web-annotation-tests), read from the shared folder at test time as
 * an oracle: it is the W3C's text, so it is never copied into this repository. Read as its README says the W3C
 * harness reads it: each `.test` file lists assertion files; each assertion is a draft-04 JSON Schema whose `$ref`s
 * name files in `definitions/`; `expectedResult` says whether a conforming document validates, and
 * `onUnexpectedResult: failAndContinue` marks the assertions a conforming document must meet (the MUSTs).
 */

// node:path, not URL: happy-dom replaces URL in the unit project.
export const SUITE_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../..',
  '../shared/fixtures/w3c-web-annotation-tests',
);
export const suitePresent = existsSync(SUITE_DIR);

export interface Assertion {
  /** The assertion's file, as the `.test` file names it (e.g. `annotations/3.1-annotationIdValidated.json`). */
  file: string;
  title: string;
  errorMessage: string;
  expected: 'valid' | 'invalid';
  /** `failAndContinue`: a conforming document must give the expected result. */
  must: boolean;
  validate: ValidateFunction;
}

const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8'));

function compiler(): Ajv04 {
  // Not strict: the suite's schemas carry keys of their own (assertionType, expectedResult, errorMessage…).
  const ajv = new Ajv04({ strict: false, allErrors: false });
  addFormats(ajv);
  const definitions = join(SUITE_DIR, 'definitions');
  for (const name of readdirSync(definitions).filter((f) => f.endsWith('.json'))) {
    ajv.addSchema(readJson(join(definitions, name)), name);
  }
  return ajv;
}

/** Every assertion a `.test` file lists (path relative to the suite, e.g. `annotations/annotationMusts.test`). */
export function loadAssertions(testFile: string): Assertion[] {
  const ajv = compiler();
  const list = readJson(join(SUITE_DIR, testFile)).assertions as string[];
  return list.map((file) => {
    const schema = readJson(join(SUITE_DIR, file));
    return {
      file,
      title: String(schema.title),
      errorMessage: String(schema.errorMessage),
      expected: schema.expectedResult === 'invalid' ? 'invalid' : 'valid',
      must: schema.onUnexpectedResult === 'failAndContinue',
      validate: ajv.compile(schema),
    };
  });
}

/** The assertions a document fails: the MUSTs whose result is not the expected one, with the suite's message. */
export function failedMusts(assertions: readonly Assertion[], document: unknown): string[] {
  return assertions
    .filter((a) => a.must && a.validate(document) !== (a.expected === 'valid'))
    .map((a) => `${a.file}: ${a.errorMessage}`);
}

/** The specification's examples and their broken variants: `[file name, text]`, in file order. */
export function samples(folder: 'correct' | 'incorrect'): [string, string][] {
  const dir = join(SUITE_DIR, 'samples', folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
}
