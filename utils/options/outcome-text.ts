import { i18n } from '#i18n';
import type { FeedOutcome } from '../db/feed-record';

/**
 * A feed's last outcome in the reader's language. The background's detail (a status line, a JSON or schema
 * message) is English and is quoted inside a translated sentence only where it helps the club fix its feed.
 */
export function outcomeText(outcome: FeedOutcome): string {
  switch (outcome.kind) {
    case 'pending':
      return i18n.t('options.status.pending');
    case 'ok':
      return i18n.t('options.status.ok');
    case 'not-modified':
      return i18n.t('options.status.notModified');
    case 'http-error':
      return i18n.t('options.status.httpError', [outcome.message || String(outcome.status)]);
    case 'network-error':
      return i18n.t('options.status.networkError');
    case 'timeout':
      return i18n.t('options.status.timeout');
    case 'invalid-json':
      return i18n.t('options.status.invalidJson', [outcome.message]);
    case 'not-a-catalog':
      return i18n.t('options.status.notACatalog', [outcome.message]);
    case 'too-many-entries':
      return i18n.t('options.status.tooManyEntries', [outcome.message]);
    case 'too-large':
      return i18n.t('options.status.tooLarge');
    case 'redirected':
      return i18n.t('options.status.redirected');
    case 'permission-missing':
      return i18n.t('options.status.permissionMissing');
  }
}

/** Whether the last refresh failed (the page shows it as an error, with the copy still in use if any). */
export const isFailure = (outcome: FeedOutcome): boolean =>
  outcome.kind !== 'ok' && outcome.kind !== 'not-modified' && outcome.kind !== 'pending';
