import { describe, expect, it } from 'vitest';
import { storageErrorText } from '../../utils/background/storage-messages';
import { type StorageErrorCode, storageFailure } from '../../utils/db/result';

const named = (name: string, message = '') => new DOMException(message, name);
const aborted = { error: named('QuotaExceededError', 'disk full') };

describe('storageFailure', () => {
  it.each<[string, unknown, { error: DOMException | null } | undefined, StorageErrorCode, RegExp]>([
    [
      'a request that failed for quota',
      named('QuotaExceededError'),
      undefined,
      'quota-exceeded',
      /is full; this highlight was not saved\./,
    ],
    ['an abort whose transaction ran out of quota', named('AbortError'), aborted, 'quota-exceeded', /is full/],
    [
      'a wrapped quota error',
      new Error('put failed', { cause: named('QuotaExceededError') }),
      undefined,
      'quota-exceeded',
      /is full/,
    ],
    ['a newer database', named('VersionError'), undefined, 'storage-failed', /newer version of this extension/],
    ['anything else', named('UnknownError', 'I/O'), undefined, 'storage-failed', /did not respond as expected/],
    [
      'a thrown string',
      'boom',
      undefined,
      'storage-failed',
      /did not respond as expected; this highlight was not saved\./,
    ],
  ])('classifies %s', (_, error, tx, code, message) => {
    const result = storageFailure(error, 'highlight-not-saved', tx);
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(result.ok || storageErrorText(result.error)).toMatch(message);
  });

  it('keeps the technical cause for logs, out of the message', () => {
    expect(storageFailure(named('AbortError'), 'highlight-not-saved', aborted)).toMatchObject({
      error: { detail: 'QuotaExceededError: disk full' },
    });
  });

  it('does not throw when reading the error of a transaction that is still running', () => {
    const running = {
      get error(): DOMException | null {
        throw named('InvalidStateError');
      },
    };
    expect(storageFailure(named('UnknownError'), 'highlight-not-saved', running)).toMatchObject({
      error: { code: 'storage-failed', detail: 'UnknownError' },
    });
  });
});
