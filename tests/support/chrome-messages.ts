import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';

/** A locale's messages as the browser reads them from `_locales/<lang>/messages.json` (built from locales/*.yml). */
export type ChromeMessages = Record<string, { message: string }>;

/** Builds a locale's messages the way the i18n module does at build time, so tests read what the browser would. */
export async function chromeMessages(root: string, locale: string): Promise<ChromeMessages> {
  return generateChromeMessages(await parseMessagesFile(resolve(root, 'locales', `${locale}.yml`))) as ChromeMessages;
}
