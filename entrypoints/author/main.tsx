import { render } from 'preact';
import { i18n } from '#i18n';
import { AuthoringApp } from '../../components/authoring/AuthoringApp';
import { sendToBackground } from '../../utils/protocol/extension-client';
import { uiLanguage } from '../../utils/ui-language';

/**
 * The authoring page, opened in a tab by "Start a club discussion" (`?tab=` names the article's tab) or by Edit
 * on the options page (`?entry=` names the saved entry).
 */
const language = uiLanguage();
document.documentElement.lang = language;
document.title = i18n.t('author.pageTitle');
const params = new URLSearchParams(location.search);
const tab = Number(params.get('tab'));
const root = document.getElementById('app');
if (root) {
  render(
    <AuthoringApp
      send={sendToBackground}
      tabId={params.has('tab') && Number.isSafeInteger(tab) && tab >= 0 ? tab : null}
      entryId={params.get('entry')}
      language={language}
      onSaved={(id) => history.replaceState(null, '', `?entry=${encodeURIComponent(id)}`)}
    />,
    root,
  );
}
