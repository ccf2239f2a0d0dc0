import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { VISIBLE_FOR_MS } from '../../utils/panel/click-guard';
import { waitForPanelFrame } from '../support/browser.mjs';
import { useExtensionSession } from '../support/extension-session';
import { useFreshPages } from '../support/fresh-pages';
import { painted, selectPassage } from '../support/page-text';

/**
 * The panel's club views in the production build, for a reader who has not connected to a club: the panel asks
 * the real background for the club layer (`club-layer`), says once where to connect, and offers no sharing
 * control anywhere, and the selection toolbar promises no visibility. The connected stories (two profiles and a
 * real club server) use the club e2e support; the views themselves are tested against a fake client in
 * tests/unit/club-panel.test.tsx and with axe in tests/dom/club-panel-axe.test.tsx.
 */
const session = useExtensionSession();
const open = useFreshPages(session);

const PASSAGE = 'few available training programs';
const HINT = 'Connect to a club on the options page to share your highlights and see your club’s.';

async function openDemo(): Promise<{ page: Page; frame: Frame }> {
  const page = await open('demo-article.html');
  const frame = await waitForPanelFrame(page, session.browser.extensionId);
  await frame.getByRole('button', { name: 'Tie my selection to question 2' }).waitFor();
  await page.waitForTimeout(VISIBLE_FOR_MS + 200);
  return { page, frame };
}

describe('the club in the panel, not connected', () => {
  it('says once where to connect, and shows no sharing control on the cards or in the toolbar', async () => {
    const { page, frame } = await openDemo();
    await frame.getByText(HINT).waitFor();
    expect(await frame.getByText(HINT).count()).toBe(1);
    expect(await frame.getByRole('button', { name: 'Refresh' }).count()).toBe(0);

    await selectPassage(page, PASSAGE);
    const toolbar = () =>
      page.evaluate(() => {
        const root = document.querySelector('journal-club-toolbar')?.shadowRoot;
        return {
          drawn: Boolean(root?.querySelector('[role="toolbar"]')),
          line: Boolean(root?.querySelector('.visibility')),
        };
      });
    await expect.poll(async () => (await toolbar()).drawn).toBe(true);
    expect((await toolbar()).line).toBe(false);
    const region = frame.getByRole('region', { name: 'Question 2' });
    await region.getByRole('button', { name: 'Tie my selection to question 2' }).click();
    await expect.poll(() => painted(page, 'jc-q1')).toEqual([PASSAGE]);
    await region.getByRole('button', { name: '1 highlight' }).waitFor();
    expect(await region.getByRole('article').count()).toBe(1);
    expect(await frame.getByRole('button', { name: /^Share with my club/ }).count()).toBe(0);
    expect(await frame.getByText(HINT).count()).toBe(1);
    // Without a club, the digest offers nothing of the club's.
    expect(await frame.getByLabel(/Include the club’s highlights/).count()).toBe(0);
  });
});
