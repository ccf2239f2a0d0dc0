/**
 * Gives unit and DOM tests the `browser.i18n` that extension pages have, backed by the English messages built
 * from locales/en.yml (see tests/vitest.config.ts), so components render the words a reader sees.
 */
declare const __I18N_MESSAGES__: Record<string, { message: string }>;

/** `chrome.i18n.getMessage`: `$1`–`$9` are substituted, `$$` is a dollar sign, an unknown key is ''. */
function getMessage(key: string, substitutions?: string | string[]): string {
  const message = __I18N_MESSAGES__[key]?.message;
  if (message === undefined) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return message.replace(/\$(\$|[1-9])/g, (_, which: string) =>
    which === '$' ? '$' : (subs[Number(which) - 1] ?? ''),
  );
}

const scope = globalThis as { chrome?: Record<string, unknown> };
scope.chrome ??= {};
scope.chrome.i18n = { getMessage, getUILanguage: () => 'en' };
