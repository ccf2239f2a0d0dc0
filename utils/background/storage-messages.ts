import { i18n } from '#i18n';
import type { StorageError, StorageOutcome } from '../db/result';

/**
 * The reader's words for a storage failure: the one place a `StorageError` (codes, from `utils/db/`) becomes
 * text, so that the storage layer holds no sentence and every request that meets a failure words it the same.
 */

/**
 * What did not happen, completing a sentence. The feeds' are in English, as they have always been: the options
 * page shows them to the club's reader in the words its feed errors use.
 */
const OUTCOMES: Record<StorageOutcome, () => string> = {
  'highlight-not-saved': () => i18n.t('storage.highlightNotSaved'),
  'highlights-not-saved': () => i18n.t('storage.highlightsNotSaved'),
  'highlight-not-loaded': () => i18n.t('storage.highlightNotLoaded'),
  'highlight-not-deleted': () => i18n.t('storage.highlightNotDeleted'),
  'highlights-not-opened': () => i18n.t('storage.highlightsNotOpened'),
  'highlights-not-loaded': () => i18n.t('storage.highlightsNotLoaded'),
  'layout-not-saved': () => i18n.t('storage.layoutNotSaved'),
  'feeds-not-read': () => 'your catalog feeds could not be read',
  'feed-not-read': () => 'this feed could not be read',
  'subscription-not-saved': () => 'the subscription was not saved',
  'feed-refresh-not-saved': () => 'the refreshed feed was not saved; the copy you had is kept',
  'feed-not-removed': () => 'the feed was not removed',
  'club-shares-not-read': () => i18n.t('storage.clubSharesNotRead'),
  'club-share-not-saved': () => i18n.t('storage.clubShareNotSaved'),
  'my-club-not-read': () => i18n.t('author.storage.notRead'),
  'my-club-entry-not-saved': () => i18n.t('author.storage.notSaved'),
  'my-club-entry-not-deleted': () => i18n.t('author.storage.notDeleted'),
  'draft-not-saved': () => i18n.t('author.storage.draftNotSaved'),
};

/** What the reader is told about a storage failure, in their language. */
export function storageErrorText(error: StorageError): string {
  const outcome = OUTCOMES[error.outcome]();
  switch (error.code) {
    case 'quota-exceeded':
      return i18n.t('storage.full', [outcome]);
    case 'storage-failed':
      return error.newerVersion ? i18n.t('storage.newerVersion', [outcome]) : i18n.t('storage.failed', [outcome]);
    case 'not-found':
      return notFoundText(error.outcome, error.key);
    case 'invalid':
      if (error.batch) {
        const { size, position } = error.batch;
        return i18n.t('storage.invalidInBatch', [String(size), String(position), error.problem]);
      }
      return invalidText(error.outcome, error.problem);
  }
}

function notFoundText(outcome: StorageOutcome, key: string): string {
  if (outcome === 'feed-not-read') return `You are not subscribed to ${key}.`;
  if (outcome === 'feed-refresh-not-saved') return `You are no longer subscribed to ${key}.`;
  return i18n.t('storage.gone');
}

/** A record that failed validation: one the reader offered was refused, or a stored one is damaged. */
function invalidText(outcome: StorageOutcome, problem: string): string {
  if (outcome === 'highlight-not-loaded') return i18n.t('storage.damaged', [problem]);
  if (outcome === 'highlight-not-deleted') return i18n.t('storage.damagedNotDeleted', [problem]);
  return i18n.t('storage.invalidHighlight', [problem]);
}
