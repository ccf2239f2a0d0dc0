import type { StorageResult } from '../../../utils/db/result';
import type { Highlight } from '../../../utils/highlights/highlight';

/** Albers, Metz & Burke 2020: the first article in the club's catalog. */
export const ALBERS_DOI = '10.1186/s12913-020-05145-1';

/** A valid highlight; tests override only the fields their behaviour depends on. */
export function makeHighlight(overrides: Partial<Highlight> = {}): Highlight {
  return {
    id: crypto.randomUUID(),
    doi: ALBERS_DOI,
    entryId: 'albers-2020',
    questionId: 'q1',
    note: 'Brokers need protected time for this.',
    target: {
      source: 'https://bmchealthservres.biomedcentral.com/articles/10.1186/s12913-020-05145-1',
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: 'knowledge brokers',
          prefix: 'the role of ',
          suffix: ' in health systems',
        },
        { type: 'TextPositionSelector', start: 1200, end: 1217 },
      ],
    },
    createdAt: '2024-05-01T12:00:00.000Z',
    updatedAt: '2024-05-01T12:00:00.000Z',
    ...overrides,
  };
}

/** The value of a result the test expects to succeed, with the error in the failure message otherwise. */
export function expectOk<T>(result: StorageResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.outcome}`);
  return result.value;
}
