import { i18n } from '#i18n';
import type { FeedEntryError } from '../db/feed-record';

/**
 * Splits one catalog error into who (translated: which entry, or the feed) and what (the field and the schema's
 * English message), so that the reader's language frames the club's English diagnosis.
 */
export function describeEntryError(error: FeedEntryError): { where: string; problem: string } {
  if (error.index === null) return { where: i18n.t('options.feed.wholeFeed'), problem: error.message };
  const position = String(error.index + 1);
  const where =
    error.id === null
      ? i18n.t('options.feed.entryWithoutId', [position])
      : i18n.t('options.feed.entry', [shorten(error.id), position]);
  return { where, problem: withoutLabel(error) };
}

/** `parseCatalog` starts each message with its own English label (`entry "x" (#1): `); the label is replaced. */
function withoutLabel(error: FeedEntryError): string {
  const marker = error.id === null ? `entry #${error.index}: ` : ` (#${error.index}): `;
  const at = error.message.indexOf(marker);
  return at === -1 ? error.message : error.message.slice(at + marker.length);
}

const shorten = (id: string) => (id.length > 60 ? `${id.slice(0, 59)}…` : id);
