import { render } from 'preact';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { PanelApp } from '../../components/PanelApp';
import { guardClicks } from '../../utils/panel/click-guard';
import { panelEvents } from '../../utils/panel/events';
import { focusPanelOnRequest } from '../../utils/panel/focus';
import { panelClient } from '../../utils/panel/panel-client';
import { portNameFor, ticketFromHash } from '../../utils/protocol/panel-claim';
import { uiLanguage } from '../../utils/ui-language';

/** The panel page: an extension page shown in a frame over the article, so the host page cannot read it. */
const root = document.getElementById('app');
const language = uiLanguage();
// index.html is static English; screen readers pronounce the panel by `lang` and announce the frame by its title.
document.documentElement.lang = language;
document.title = i18n.t('panel.landmark');
// Only the frame the article's panel script created has a ticket (review F1); any other frame showing this page
// stays blank and asks nothing.
const ticket = ticketFromHash(location.hash);
if (root && ticket) {
  const ancestors = location.ancestorOrigins ? [...location.ancestorOrigins] : null;
  const claim = { ticket, ancestors };
  // The shortcut and the popup's "Open panel" ask, through the page's panel script, for keyboard focus here.
  focusPanelOnRequest(window);
  // Deletes, copies and setting changes need a real click on a panel the reader can see.
  guardClicks(window);
  const events = panelEvents(() => browser.runtime.connect({ name: portNameFor(claim) }));
  render(<PanelApp language={language} send={panelClient(claim)} events={events} />, root);
}
