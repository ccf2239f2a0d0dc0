import { afterEach, describe, expect, it } from 'vitest';
import { focusPanelOnRequest, PANEL_FOCUS_MESSAGE, panelFocusTarget } from '../../utils/panel/focus';
import { popupTargetTab } from '../../utils/popup/tab';

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
  document.body.replaceChildren();
});

/** A message as the page's panel script posts it (happy-dom's top window is its own parent). */
const post = (data: unknown, source: Window | null = window) =>
  window.dispatchEvent(new MessageEvent('message', { data, source }));

const settle = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

function renderPanel(withTitle = true) {
  const panel = document.createElement('aside');
  panel.className = 'panel';
  panel.innerHTML = `<header><a href="https://club.example/">Club</a></header>${withTitle ? '<h1 id="article-title">Title</h1>' : ''}`;
  document.body.append(panel);
  return panel;
}

describe('focus requests in the panel frame', () => {
  it('moves focus to the article title, which becomes focusable by script only', async () => {
    renderPanel();
    stop = focusPanelOnRequest(window);
    post(PANEL_FOCUS_MESSAGE);
    await settle();
    expect(document.activeElement?.id).toBe('article-title');
    expect(document.getElementById('article-title')?.getAttribute('tabindex')).toBe('-1');
  });

  it('returns to the control the reader left the panel from', async () => {
    const panel = renderPanel();
    stop = focusPanelOnRequest(window);
    panel.querySelector('a')?.focus();
    (document.activeElement as HTMLElement).blur();
    post(PANEL_FOCUS_MESSAGE);
    await settle();
    expect(document.activeElement?.textContent).toBe('Club');
    expect(document.getElementById('article-title')?.hasAttribute('tabindex')).toBe(false);
  });

  it('waits for a panel still loading', async () => {
    stop = focusPanelOnRequest(window);
    post(PANEL_FOCUS_MESSAGE);
    await settle(20);
    expect(document.activeElement).toBe(document.body);
    renderPanel();
    await settle(20);
    expect(document.activeElement?.id).toBe('article-title');
  });

  it('focuses the panel itself when it shows no title', async () => {
    const panel = renderPanel(false);
    stop = focusPanelOnRequest(window);
    post(PANEL_FOCUS_MESSAGE);
    await settle();
    expect(document.activeElement).toBe(panel);
  });

  it('ignores other messages and other senders', async () => {
    renderPanel();
    stop = focusPanelOnRequest(window);
    post('something else');
    post({ type: PANEL_FOCUS_MESSAGE });
    post(PANEL_FOCUS_MESSAGE, null);
    await settle();
    expect(document.activeElement).toBe(document.body);
  });

  it('has no target before the panel renders', () => {
    expect(panelFocusTarget(document)).toBeNull();
  });
});

describe('the tab the popup reports on', () => {
  const tabs = (existing: number[], active: number | null) => ({
    query: async () => (active === null ? [] : [{ id: active }]),
    get: async (id: number) => {
      if (!existing.includes(id)) throw new Error(`No tab with id: ${id}.`);
      return { id };
    },
  });

  it('is the active tab of the popup’s window', async () => {
    expect(await popupTargetTab('', tabs([3, 4], 4))).toBe(4);
  });

  it('is the tab named by ?tab= when that tab exists', async () => {
    expect(await popupTargetTab('?tab=3', tabs([3, 4], 4))).toBe(3);
  });

  it('ignores a ?tab= that names no tab or is not a tab id', async () => {
    for (const search of ['?tab=9', '?tab=-3', '?tab=3.5', '?tab=abc', '?tab=', '?tab=99999999999']) {
      expect(await popupTargetTab(search, tabs([3, 4], 4)), search).toBe(4);
    }
  });

  it('is null when the browser names no active tab', async () => {
    expect(await popupTargetTab('', tabs([], null))).toBeNull();
    expect(
      await popupTargetTab('', {
        query: async () => {
          throw new Error('no window');
        },
        get: async () => ({}),
      }),
    ).toBeNull();
  });
});
