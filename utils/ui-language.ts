import { browser } from 'wxt/browser';
import { i18n } from '#i18n';

/**
 * The language the extension speaks to the reader (a BCP 47 tag): the one its own messages are shown in, so that
 * catalog text (`localize`), dates and numbers never come out in another language than the buttons around them.
 * That is the browser's UI language when the extension has messages for it (keeping its region, as in `fr-CA`,
 * for dates); otherwise the messages fall back to English and so does this. It is read from a message rather
 * than from `getUILanguage()` alone because the two can disagree: a Chromium without the French resource pack
 * reports `en-US` while showing the extension's French messages under `--lang=fr`.
 */
export function uiLanguage(): string {
  const messages = i18n.t('extension.language');
  const browserLanguage = browser.i18n.getUILanguage();
  return browserLanguage.split(/[-_]/)[0]?.toLowerCase() === messages ? browserLanguage : messages;
}
