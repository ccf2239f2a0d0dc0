/**
 * Storage calls return their failures instead of throwing, because they are answered across the message
 * boundary to the panel, where an exception would be lost and the reader left guessing.
 */
export type StorageResult<T> = { ok: true; value: T } | { ok: false; error: StorageError };

/**
 * Why a storage call failed, as codes: the background words them for the reader
 * (`utils/background/storage-messages.ts`), so that the storage layer holds no sentence of its own.
 */
export type StorageError = StorageErrorBase &
  (
    | { code: 'quota-exceeded' }
    /** `newerVersion`: the database was written by a newer version of this extension. */
    | { code: 'storage-failed'; newerVersion?: boolean }
    /** `key`: the highlight id or feed address that was not there. */
    | { code: 'not-found'; key: string }
    /** `problem`: what is wrong with the record, as its schema words it; `batch`, which one of how many. */
    | { code: 'invalid'; problem: string; batch?: { size: number; position: number } }
  );

interface StorageErrorBase {
  /** What did not happen, which the reader's sentence names ("this highlight was not saved"). */
  outcome: StorageOutcome;
  /** The browser's error name and message, for logs and bug reports; never shown to the reader. */
  detail?: string;
}

export type StorageErrorCode = StorageError['code'];

/** What a failed storage call did not do. */
export type StorageOutcome =
  | 'highlight-not-saved'
  | 'highlights-not-saved'
  | 'highlight-not-loaded'
  | 'highlight-not-deleted'
  | 'highlights-not-opened'
  | 'highlights-not-loaded'
  | 'layout-not-saved'
  | 'feeds-not-read'
  | 'feed-not-read'
  | 'subscription-not-saved'
  | 'feed-refresh-not-saved'
  | 'feed-not-removed'
  | 'club-shares-not-read'
  | 'club-share-not-saved'
  | 'my-club-not-read'
  | 'my-club-entry-not-saved'
  | 'my-club-entry-not-deleted'
  | 'draft-not-saved';

export const ok = <T>(value: T): StorageResult<T> => ({ ok: true, value });

/** A record that failed validation; `problem` is its schema's first complaint. */
export const invalid = (
  outcome: StorageOutcome,
  problem: string,
  batch?: { size: number; position: number },
): StorageResult<never> => ({
  ok: false,
  error: { code: 'invalid', outcome, problem, ...(batch && { batch }) },
});

export const notFound = (outcome: StorageOutcome, key: string): StorageResult<never> => ({
  ok: false,
  error: { code: 'not-found', outcome, key },
});

/** Anything with a transaction's `error`, so that callers can pass the idb-wrapped transaction as is. */
interface HasTransactionError {
  readonly error: DOMException | null;
}

/**
 * Turns whatever a storage call threw into a storage error; `outcome` says what did not happen (e.g. the
 * highlight was not saved). Pass the transaction when there is one: when a transaction aborts, its
 * requests fail with a bare AbortError and only `transaction.error` says why (Chromium reports a full disk
 * that way, at commit).
 */
export function storageFailure(
  error: unknown,
  outcome: StorageOutcome,
  tx?: HasTransactionError,
): StorageResult<never> {
  const cause = errorNamed(error, 'QuotaExceededError') ?? errorNamed(txError(tx), 'QuotaExceededError');
  if (cause) return { ok: false, error: { code: 'quota-exceeded', outcome, detail: describe(cause) } };
  const versionError = errorNamed(error, 'VersionError');
  if (versionError) {
    return {
      ok: false,
      error: { code: 'storage-failed', newerVersion: true, outcome, detail: describe(versionError) },
    };
  }
  return { ok: false, error: { code: 'storage-failed', outcome, detail: describe(txError(tx) ?? error) } };
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
