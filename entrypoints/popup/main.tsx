import { render } from 'preact';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { PopupApp } from '../../components/popup/PopupApp';
import { popupTargetTab } from '../../utils/popup/tab';
import { OPEN_PANEL_COMMAND } from '../../utils/protocol/commands';
import { earlyRequests } from '../../utils/protocol/early-requests';
import { sendToBackground } from '../../utils/protocol/extension-client';
import { uiLanguage } from '../../utils/ui-language';

/** The toolbar popup: the current tab's status and the club's reading list (an extension page, Preact). */
async function main(root: HTMLElement) {
  const requests = earlyRequests(sendToBackground);
  requests.ask({ type: 'reading-list' });
  const language = uiLanguage();
  // index.html is static English; screen readers pronounce the popup by `lang`.
  document.documentElement.lang = language;
  document.title = i18n.t('extension.name');
  const [tabId, commands] = await Promise.all([
    popupTargetTab(location.search, browser.tabs).then((tabId) => {
      if (tabId !== null) requests.ask({ type: 'tab-status', tabId });
      return tabId;
    }),
    browser.commands.getAll().catch(() => []),
  ]);
  // The shortcut as the browser shows it now: the reader may have changed or removed the suggested one.
  const shortcut = commands.find((command) => command.name === OPEN_PANEL_COMMAND)?.shortcut || null;
  render(
    <PopupApp
      language={language}
      send={requests.send}
      tabId={tabId}
      shortcut={shortcut}
      close={() => window.close()}
      openCatalogs={() => void browser.runtime.openOptionsPage().then(() => window.close())}
    />,
    root,
  );
}

const root = document.getElementById('app');
if (root) void main(root);
