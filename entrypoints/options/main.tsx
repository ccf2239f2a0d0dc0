import { render } from 'preact';
import { i18n } from '#i18n';
import { OptionsApp } from '../../components/options/OptionsApp';
import { sendToBackground } from '../../utils/protocol/extension-client';
import { uiLanguage } from '../../utils/ui-language';

/** The options page, opened in a tab: the catalogs, the reader's feeds and the sites they approved. */
const language = uiLanguage();
document.documentElement.lang = language;
document.title = i18n.t('options.pageTitle');
const root = document.getElementById('app');
if (root) {
  render(<OptionsApp send={sendToBackground} language={language} />, root);
}
