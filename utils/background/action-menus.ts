import { i18n } from '#i18n';
import { openAuthoring } from './authoring-requests';
import { openInViewer } from './pdf-tab';
import type { BackgroundServices } from './services';

/** The toolbar button's menu item that opens a PDF in the extension's viewer. */
const OPEN_IN_VIEWER_MENU = 'open-in-viewer';
/** The toolbar button's menu item that opens the authoring page on the tab's article. */
const START_DISCUSSION_MENU = 'start-discussion';

/** The calls of `browser.contextMenus` the background makes (typed here, so tests can pass their own). */
export interface ActionMenuApi {
  removeAll(): Promise<void>;
  create(properties: { id: string; title: string; contexts: ['action' | 'browser_action'] }): unknown;
  onClicked: {
    addListener(listener: (info: { menuItemId: string | number }, tab?: { id?: number }) => void): void;
  };
}

/**
 * The toolbar button's menu. "Open in Journal Club Reader": the tab's PDF in the viewer, else the viewer empty in
 * a new tab, to pick or drop a file. "Start a club discussion": the authoring page on the tab's article (the
 * organiser's saved entry for it, if there is one). Menus are made anew each time the background starts;
 * `context` is the button's name, `action` in Chromium's MV3, `browser_action` in Firefox's MV2.
 */
export function createActionMenus(
  menus: ActionMenuApi,
  context: 'action' | 'browser_action',
  services: BackgroundServices,
): void {
  void menus.removeAll().then(() => {
    menus.create({ id: OPEN_IN_VIEWER_MENU, title: i18n.t('menus.openInViewer'), contexts: [context] });
    menus.create({ id: START_DISCUSSION_MENU, title: i18n.t('author.start'), contexts: [context] });
  });
  menus.onClicked.addListener((info, tab) => {
    if (tab?.id === undefined) return;
    if (info.menuItemId === OPEN_IN_VIEWER_MENU) {
      void openInViewer(tab.id, services, 'empty-viewer').catch(() => undefined);
    }
    if (info.menuItemId === START_DISCUSSION_MENU) void openAuthoring(tab.id, services).catch(() => undefined);
  });
}
