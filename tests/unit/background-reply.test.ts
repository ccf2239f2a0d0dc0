import { describe, expect, it } from 'vitest';
import { fromStorage } from '../../utils/background/reply';
import { invalid, ok } from '../../utils/db/result';

/** Every handler answers a storage result through `fromStorage`, so the reader sees one wording per failure. */
describe('fromStorage', () => {
  it('passes a stored value through as the reply', () => {
    expect(fromStorage(ok({ id: 'h1' }))).toEqual({ ok: true, value: { id: 'h1' } });
  });

  it('answers a failure with the text the reader is shown', () => {
    expect(fromStorage(invalid('highlight-not-saved', 'The note is too long.'))).toEqual({
      ok: false,
      error: 'This highlight was not saved. The note is too long.',
    });
  });
});
