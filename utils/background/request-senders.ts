import type { BackgroundRequest } from '../protocol/requests';
import type { RequestSender } from './services';

/**
 * Which context may send each request: the page's own scripts (top frame), the panel page, either of those, or
 * an extension page that belongs to no tab (the toolbar popup, the options page).
 */
const SENDERS: Record<BackgroundRequest['type'], 'page' | 'panel' | 'either' | 'extension'> = {
  'article-detected': 'page',
  'article-gone': 'page',
  'panel-ticket': 'page',
  'panel-state': 'either',
  'panel-layout': 'panel',
  highlights: 'panel',
  'page-highlights': 'page',
  'show-on-page': 'panel',
  'highlight-create': 'page',
  'tie-selection': 'panel',
  'highlight-update': 'panel',
  'highlight-delete': 'panel',
  'highlight-restore': 'panel',
  'anchors-report': 'page',
  'highlight-activated': 'page',
  'highlight-reveal': 'panel',
  'page-focus': 'panel',
  'share-opened': 'page',
  'share-link': 'panel',
  'share-all': 'panel',
  'shared-save': 'panel',
  export: 'panel',
  backup: 'panel',
  import: 'panel',
  settings: 'panel',
  'settings-update': 'panel',
  'reading-prefs': 'either',
  'reading-prefs-update': 'either',
  'tab-status': 'extension',
  'reading-list': 'extension',
  'panel-open': 'extension',
  'post-notice': 'page',
  'post-notice-read': 'page',
  'post-notice-dismiss': 'page',
  'post-read': 'extension',
  'pdf-open': 'extension',
  'pdf-read': 'panel',
  'pdf-redirect-setting': 'extension',
  feeds: 'extension',
  'feed-subscribe': 'extension',
  'feed-refresh': 'extension',
  'feed-unsubscribe': 'extension',
  'feed-site-remove': 'extension',
  'catalog-choose': 'extension',
  'club-status': 'extension',
  'club-groups': 'extension',
  'club-connect': 'extension',
  'club-default-visibility': 'extension',
  'club-retry': 'extension',
  'club-disconnect': 'extension',
  'highlight-visibility': 'panel',
  'club-layer': 'panel',
  'club-page-layer': 'page',
  'club-reply': 'panel',
  'club-edit': 'panel',
  'club-delete': 'panel',
  // The panel and the options page are both extension pages; the page's script only reads the layer it paints.
  'club-highlights-setting': 'extension',
  'club-highlight-activated': 'page',
  'club-highlight-reveal': 'panel',
  'club-catalog-state': 'extension',
  'club-catalog-publish': 'extension',
  'club-catalog-withdraw': 'extension',
  'club-suggestions': 'extension',
  'club-organisers': 'extension',
  // The popup, the authoring page and the options page: extension pages only, never a web page or the panel.
  'author-open': 'extension',
  'author-start': 'extension',
  'author-draft': 'extension',
  'my-club': 'extension',
  'my-club-save': 'extension',
  'my-club-delete': 'extension',
  'my-club-restore': 'extension',
};

/**
 * A panel request counts only from the frame the tab's panel script created (its ticket checked by the caller). A
 * page request counts from the top frame's content scripts, or from the extension's PDF viewer as the tab's top
 * document, which runs the page side itself; never from another extension page (the popup, a panel frame).
 */
export function senderAllowed(request: BackgroundRequest, sender: RequestSender): boolean {
  const allowed = SENDERS[request.type];
  const fromPage = sender.frameId === 0 && (!sender.fromExtensionPage || sender.viewer === true);
  const fromPanel = sender.fromExtensionPage && sender.panelBound === true;
  return allowed === 'either'
    ? fromPage || fromPanel
    : allowed === 'page'
      ? fromPage
      : allowed === 'panel'
        ? fromPanel
        : sender.fromExtensionPage;
}
