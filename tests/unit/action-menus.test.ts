import { describe, expect, it } from 'vitest';
import { type ActionMenuApi, createActionMenus } from '../../utils/background/action-menus';
import { article, makeBackgroundWorld } from '../support/background-world';

/** The toolbar button's menu, over a recorded `contextMenus`: what it offers and where each item leads. */
function recordedMenus() {
  const created: { id: string; title: string; contexts: string[] }[] = [];
  let click: Parameters<ActionMenuApi['onClicked']['addListener']>[0] = () => {};
  const api: ActionMenuApi = {
    removeAll: async () => {
      created.length = 0;
    },
    create: (properties) => created.push(properties),
    onClicked: {
      addListener: (listener) => {
        click = listener;
      },
    },
  };
  return { api, created, click: (id: string, tabId: number) => click({ menuItemId: id }, { id: tabId }) };
}

describe('the toolbar button’s menu', () => {
  it('offers “Start a club discussion”, which opens the authoring page on the tab’s article', async () => {
    const world = await makeBackgroundWorld({ name: 'action-menus-test' });
    world.page.article = article('10.1000/not-discussed');
    const menus = recordedMenus();
    createActionMenus(menus.api, 'action', world.services);
    await expect
      .poll(() => menus.created.map((item) => item.title))
      .toEqual(['Open in Journal Club Reader', 'Start a club discussion']);
    expect(menus.created.every((item) => item.contexts.join() === 'action')).toBe(true);
    menus.click('start-discussion', 7);
    await expect.poll(() => world.extensionPages.map((page) => page.path)).toEqual(['/author.html?tab=7']);
  });
});
