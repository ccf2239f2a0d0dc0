import { render } from 'preact';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { OptionsApp } from '../../components/options/OptionsApp';
import { originPattern } from '../../utils/club/backends';
import { requestOrigins as askForOrigins } from '../../utils/options/origin-access';
import { sendToBackground } from '../../utils/protocol/extension-client';
import { uiLanguage } from '../../utils/ui-language';

/** The options page, opened in a tab: the catalogs, the reader's feeds and the sites they approved. */
const language = uiLanguage();
document.documentElement.lang = language;
document.title = i18n.t('options.pageTitle');
const root = document.getElementById('app');
if (root) {
  // Asked in the reader's click on the club section's Connect: the browser shows its prompt only from a click.
  const requestOrigins = (origins: string[]) => askForOrigins(browser.permissions, origins.map(originPattern));
  render(<OptionsApp send={sendToBackground} requestOrigins={requestOrigins} language={language} />, root);
}
