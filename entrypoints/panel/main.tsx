import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PanelApp } from '../../components/PanelApp';
import { sendToBackground } from '../../utils/background-client';
import { panelEvents } from '../../utils/panel-events';

/** The panel page: an extension page shown in a frame over the article, so the host page cannot read it. */
const root = document.getElementById('app');
const events = panelEvents((info) => browser.runtime.connect(info));
if (root) render(<PanelApp language={navigator.language} send={sendToBackground} events={events} />, root);
