import { render } from 'preact';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { PanelApp } from '../../components/PanelApp';
import { panelEvents } from '../../utils/panel/events';
import { focusPanelOnRequest } from '../../utils/panel/focus';
import { sendToBackground } from '../../utils/protocol/extension-client';
import { uiLanguage } from '../../utils/ui-language';

/** The panel page: an extension page shown in a frame over the article, so the host page cannot read it. */
const root = document.getElementById('app');
const language = uiLanguage();
// index.html is static English; screen readers pronounce the panel by `lang` and announce the frame by its title.
document.documentElement.lang = language;
document.title = i18n.t('panel.landmark');
// The shortcut and the popup's "Open panel" ask, through the page's panel script, for keyboard focus here.
focusPanelOnRequest(window);
const events = panelEvents((info) => browser.runtime.connect(info));
if (root) render(<PanelApp language={language} send={sendToBackground} events={events} />, root);
