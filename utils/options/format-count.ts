import { i18n } from '#i18n';

/** A plural message whose number is written the reader's way ("1,000", "1 000"). */
export function formatCount(key: 'options.entries' | 'options.feed.errorsHeading', count: number, language: string) {
  let formatted: string;
  try {
    formatted = new Intl.NumberFormat(language).format(count);
  } catch {
    formatted = String(count);
  }
  return i18n.t(key, count, [formatted]);
}
