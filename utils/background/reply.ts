import type { StorageResult } from '../db/result';
import type { Reply } from '../protocol/reply';
import { storageErrorText } from './storage-messages';

/**
 * Every request is answered with a `Reply`, never an exception, because a throw does not cross the message
 * boundary. Handlers build replies here, so that a storage failure reads the same to the reader whichever
 * request met it.
 */
export const refused = (why: string) => ({ ok: false, error: why }) as const;

export const ok = <T>(value: T) => ({ ok: true, value }) as const;

type StorageFailure = Extract<StorageResult<unknown>, { ok: false }>;

/** A storage result as the reply to a request; a failure alone answers any request, whatever it expected. */
export function fromStorage(result: StorageFailure): ReturnType<typeof refused>;
export function fromStorage<T>(result: StorageResult<T>): Reply<T>;
export function fromStorage<T>(result: StorageResult<T>): Reply<T> {
  return result.ok ? ok(result.value) : refused(storageErrorText(result.error));
}
