import { openPanelAfresh, showPanel } from './article-requests';
import type { BackgroundServices } from './services';

/**
 * What the keyboard shortcut and the popup's "Open panel" do: show the panel on a club article and move keyboard
 * focus into it. A panel already open is only focused and a folded one unfolded, never reloaded, so a note being
 * typed there survives; a panel closed for the page, or a tab whose page changed, is opened afresh. Returns false
 * (and changes nothing) when the page shows no club article.
 */
export async function openAndFocusPanel(tabId: number, services: BackgroundServices): Promise<boolean> {
  const [record, article] = await Promise.all([services.tabs.get(tabId), services.queryArticle(tabId)]);
  const entry = article ? (await services.catalog()).find(article.doi) : null;
  const shown = article && entry && record?.entryId === entry.id && record.layout !== 'closed';
  if (shown && record.layout === 'collapsed') {
    await services.articleState.setCollapsed(article.doi, false);
    await showPanel(tabId, services);
  } else if (!shown && !(await openPanelAfresh(tabId, services))) {
    return false;
  }
  await services.sendToTab(tabId, { type: 'panel-focus' });
  return true;
}
