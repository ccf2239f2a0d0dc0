import { render } from 'preact';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { OptionsApp } from '../../components/options/OptionsApp';
import { sendToBackground } from '../../utils/protocol/extension-client';
import { uiLanguage } from '../../utils/ui-language';

/**
 * The options page, opened in a tab. It asks for a feed's site itself, in the reader's click: the background
 * cannot show a permission prompt, and the prompt is only allowed during a user gesture.
 */
const language = uiLanguage();
document.documentElement.lang = language;
document.title = i18n.t('options.pageTitle');
const requestPermission = (origin: string) => browser.permissions.request({ origins: [origin] });
const root = document.getElementById('app');
if (root) {
  render(<OptionsApp send={sendToBackground} requestPermission={requestPermission} language={language} />, root);
}
