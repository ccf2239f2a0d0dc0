import { i18n } from '#i18n';

/**
 * Storage calls return their failures instead of throwing, because they are answered across the message
 * boundary to the panel, where an exception would be lost and the reader left guessing.
 */
export type StorageResult<T> = { ok: true; value: T } | { ok: false; error: StorageError };

export interface StorageError {
  code: StorageErrorCode;
  /** In the reader's language, shown to the reader as is. */
  message: string;
  /** The browser's error name and message, for logs and bug reports; never shown to the reader. */
  detail?: string;
}

export type StorageErrorCode = 'quota-exceeded' | 'invalid' | 'not-found' | 'storage-failed';

export const ok = <T>(value: T): StorageResult<T> => ({ ok: true, value });

export const invalid = (message: string): StorageResult<never> => ({ ok: false, error: { code: 'invalid', message } });

export const notFound = (message: string): StorageResult<never> => ({
  ok: false,
  error: { code: 'not-found', message },
});

/** Anything with a transaction's `error`, so that callers can pass the idb-wrapped transaction as is. */
interface HasTransactionError {
  readonly error: DOMException | null;
}

/**
 * Turns whatever a storage call threw into a reader-facing error. `outcome` completes the sentence, e.g.
 * "this highlight was not saved". Pass the transaction when there is one: when a transaction aborts, its
 * requests fail with a bare AbortError and only `transaction.error` says why (Chromium reports a full disk
 * that way, at commit).
 */
export function storageFailure(error: unknown, outcome: string, tx?: HasTransactionError): StorageResult<never> {
  const cause = errorNamed(error, 'QuotaExceededError') ?? errorNamed(txError(tx), 'QuotaExceededError');
  if (cause) {
    return failed('quota-exceeded', i18n.t('storage.full', [outcome]), cause);
  }
  const versionError = errorNamed(error, 'VersionError');
  if (versionError) {
    return failed('storage-failed', i18n.t('storage.newerVersion', [outcome]), versionError);
  }
  return failed('storage-failed', i18n.t('storage.failed', [outcome]), txError(tx) ?? error);
}

function failed(code: StorageErrorCode, message: string, cause: unknown): StorageResult<never> {
  return { ok: false, error: { code, message, detail: describe(cause) } };
}

/** Reading `error` of a transaction that is still running throws InvalidStateError in some browsers. */
function txError(tx: HasTransactionError | undefined): DOMException | null {
  try {
    return tx?.error ?? null;
  } catch {
    return null;
  }
}

/** Finds an error by name, following `cause` links because wrappers sometimes rethrow with the original inside. */
function errorNamed(error: unknown, name: string): Error | undefined {
  let current = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    if ('name' in current && current.name === name) return current as Error;
    current = 'cause' in current ? current.cause : undefined;
  }
  return undefined;
}

function describe(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'name' in error) {
    const message = 'message' in error && typeof error.message === 'string' ? error.message : '';
    return `${String(error.name)}${message ? `: ${message}` : ''}`;
  }
  return String(error);
}
