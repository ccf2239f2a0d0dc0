import { createServer } from 'node:http';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VISIBLE_FOR_MS } from '../../utils/panel/click-guard';
import { waitForPanelFrame } from '../support/browser.mjs';
import { useExtensionSession } from '../support/extension-session';
import { useFreshPages } from '../support/fresh-pages';
import { painted, passageEnds } from '../support/page-text';

/**
 * Review F1: only the frame that the panel script created is the panel. Each test plays one attack of the
 * review: a third-party frame inside the club article, a page reached by a link from it, and a panel hidden
 * under a decoy. The attacker's pages come from a second server on another port: another origin.
 */
const session = useExtensionSession();

const PASSAGE = 'few available training programs';
const NOTE = 'SECRET NOTE: do not share';

/** The attacker's server: `/frame.html` and `/blog.html` embed the address given after `?panel=`. */
let evil: { origin: string; close(): Promise<void> };

const EMBEDDING_PAGE = `<!doctype html><html><head><title>Elsewhere</title></head><body>
<h1>Just a blog</h1><p>Nothing scholarly here.</p>
<script>
  const frame = document.createElement('iframe');
  frame.src = new URLSearchParams(location.search).get('panel') || 'about:blank';
  frame.style.cssText = 'width:400px;height:600px;border:0';
  document.body.append(frame);
</script></body></html>`;

beforeAll(async () => {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(EMBEDDING_PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  evil = {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
});
afterAll(() => evil?.close());

/** Each test starts with no highlights and its pages close after it: any one passes alone, in any order. */
const open = useFreshPages(session);

/** The panel the extension mounted: a child of the article's own top frame. */
const ownPanel = (page: Page) => waitForPanelFrame(page, session.browser.extensionId);
const landmark = async (page: Page) => (await ownPanel(page)).getByRole('complementary', { name: 'Journal club' });

/**
 * The frames the attacker's page made to show the panel's address: children of a frame at the attacker's origin,
 * or of the top frame once the tab shows the attacker's page. Whatever they show (the panel, a blank page, an
 * error page for an address that is refused), it must not be the reader's notes.
 */
function strangers(page: Page, own: Frame | null): Frame[] {
  return page.frames().filter((frame) => {
    const parent = frame.parentFrame();
    return frame !== own && parent !== null && parent.url().startsWith(evil.origin);
  });
}

/** Whether any of `frames` shows `text` within `ms` (what an attacker's frame would get from the panel). */
async function anyShows(frames: () => Frame[], text: string, ms = 3_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    for (const frame of frames()) {
      const body = await frame.evaluate(() => document.body?.textContent ?? '').catch(() => '');
      if (body.includes(text)) return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

async function dragSelect(page: Page, text: string): Promise<void> {
  const box = await passageEnds(page, text);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
}

/** A reader's highlight with a note on the demo article, made through the page and the panel. */
async function highlightWithNote(page: Page): Promise<void> {
  await (await landmark(page)).waitFor();
  await dragSelect(page, PASSAGE);
  const toolbar = page.getByRole('toolbar', { name: 'Highlight the selection' });
  await toolbar.getByRole('button', { name: /^Tie to question 2/ }).click();
  await expect.poll(() => painted(page, 'jc-q1')).toEqual([PASSAGE]);
  const note = (await landmark(page)).getByRole('textbox', { name: 'Note' });
  await note.fill(NOTE);
  await (await landmark(page)).getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await landmark(page)).getByText(NOTE).count()).toBe(1);
}

/**
 * The addresses an attacker could try: the fixed one of older builds, the one our own frame has now (ticket
 * included, as if it had leaked), and that one without its ticket.
 */
async function panelAddresses(page: Page): Promise<string[]> {
  const own = (await ownPanel(page)).url();
  return [`chrome-extension://${session.browser.extensionId}/panel.html`, own, own.replace(/#.*/, '')];
}

/**
 * Loads `address` into a frame the attacker made, as a browser-initiated navigation: Chromium refuses a page's own
 * navigation to the panel (`use_dynamic_url`), so this stands for an attacker that somehow has the address the
 * panel script used, ticket included. What the frame then gets rests on the ticket and its ancestors alone.
 */
async function leak(frame: Frame, address: string): Promise<void> {
  // On a loaded machine the first navigation can be dropped while the frame is still settling: try again.
  await expect
    .poll(
      async () => {
        if (!frame.url().includes('/panel.html')) await frame.goto(address, { timeout: 5_000 }).catch(() => undefined);
        return frame.url();
      },
      { timeout: 20_000 },
    )
    .toContain('/panel.html');
}

describe('a frame the panel script did not create gets nothing', () => {
  it('(a) a third-party frame inside the club article, loading the panel address, does not get the notes', async () => {
    const page = await open('demo-article.html');
    await highlightWithNote(page);
    const own = await ownPanel(page);
    for (const address of await panelAddresses(page)) {
      await page.evaluate(
        ([origin, src]) => {
          const ad = document.createElement('iframe');
          ad.src = `${origin}/frame.html?panel=${encodeURIComponent(src as string)}`;
          ad.style.cssText = 'width:420px;height:620px';
          document.body.prepend(ad);
        },
        [evil.origin, address],
      );
    }
    await expect.poll(() => strangers(page, own).length, { timeout: 10_000 }).toBe(3);
    expect(await anyShows(() => strangers(page, own), NOTE)).toBe(false);
    expect(await anyShows(() => strangers(page, own), 'Research Impact Canada', 500)).toBe(false);
    // The reader's own panel still works.
    expect(await (await landmark(page)).getByText(NOTE).count()).toBe(1);
  });

  it("(a) the same frame, even at the panel's own address and ticket, gets nothing: it is not framed by the article", async () => {
    const page = await open('demo-article.html');
    await highlightWithNote(page);
    const own = await ownPanel(page);
    await page.evaluate((origin) => {
      const ad = document.createElement('iframe');
      ad.src = `${origin}/frame.html`;
      ad.style.cssText = 'width:420px;height:620px';
      document.body.prepend(ad);
    }, evil.origin);
    await expect.poll(() => strangers(page, own).length, { timeout: 10_000 }).toBe(1);
    await leak(strangers(page, own)[0] as Frame, own.url());
    expect(await anyShows(() => strangers(page, own), NOTE)).toBe(false);
    expect(await anyShows(() => strangers(page, own), 'Research Impact Canada', 500)).toBe(false);
    expect(await (await landmark(page)).getByText(NOTE).count()).toBe(1);
  });

  it('(b) after following a link to a page with no DOI, a frame of the panel there gets nothing', async () => {
    const page = await open('demo-article.html');
    await highlightWithNote(page);
    const addresses = await panelAddresses(page);
    for (const address of addresses) {
      await page.evaluate(
        ([origin, src]) => {
          const link = document.createElement('a');
          link.href = `${origin}/blog.html?panel=${encodeURIComponent(src as string)}`;
          link.textContent = 'Read the blog';
          link.id = 'evil-link';
          link.style.cssText = 'position:fixed;left:10px;top:10px;z-index:10;background:#fff';
          document.body.append(link);
        },
        [evil.origin, address],
      );
      await page.click('#evil-link');
      await page.waitForURL(`${evil.origin}/**`);
      await expect.poll(() => strangers(page, null).length, { timeout: 10_000 }).toBe(1);
      expect(await anyShows(() => strangers(page, null), NOTE)).toBe(false);
      expect(await anyShows(() => strangers(page, null), 'Research Impact Canada', 500)).toBe(false);
      await page.goBack();
      await (await landmark(page)).getByText(NOTE).waitFor({ timeout: 10_000 });
    }
  });

  it('(b) a page of the same site reached from the article, framing the panel with its old ticket, gets nothing', async () => {
    const page = await open('demo-article.html');
    await highlightWithNote(page);
    const own = (await ownPanel(page)).url();
    // Same origin as the article: the ancestor check passes, so only the dropped ticket protects the notes.
    await page.evaluate((href) => {
      location.href = href;
    }, `${session.server.origin}/not-article.html`);
    await page.waitForURL('**/not-article.html');
    await page.waitForTimeout(500);
    await page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.id = 'stranger';
      document.body.append(frame);
    });
    const framed = () => page.frames().filter((frame) => frame.parentFrame() === page.mainFrame());
    await expect.poll(() => framed().length, { timeout: 10_000 }).toBe(1);
    await leak(framed()[0] as Frame, own);
    expect(await anyShows(framed, NOTE)).toBe(false);
    expect(await anyShows(framed, 'Research Impact Canada', 500)).toBe(false);
  });
});

describe('destructive and clipboard actions need a visible panel and a real click', () => {
  /** Makes the reader's panel all but transparent over a decoy, as a clickjacking page would. */
  const hidePanelUnderDecoy = (page: Page) =>
    page.evaluate(() => {
      const decoy = document.createElement('button');
      decoy.textContent = 'Claim your prize';
      decoy.style.cssText = 'position:fixed;right:0;top:0;width:400px;height:100vh;z-index:1';
      document.body.append(decoy);
      document
        .querySelector('journal-club-panel')
        ?.setAttribute(
          'style',
          `${document.querySelector('journal-club-panel')?.getAttribute('style') ?? ''};opacity:0.001 !important`,
        );
    });
  const showPanel = (page: Page) =>
    page.evaluate(() => {
      const host = document.querySelector('journal-club-panel') as HTMLElement | null;
      host?.style.removeProperty('opacity');
    });

  /** Clicks where `button` is, with the real mouse: the reader aiming at the decoy. */
  async function clickThrough(page: Page, button: ReturnType<Frame['getByRole']>): Promise<void> {
    await button.scrollIntoViewIfNeeded();
    const box = await button.boundingBox();
    if (!box) throw new Error('button not on screen');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  it('(c) a click on a hidden Delete does not delete; the same click on the visible panel does', async () => {
    await highlightWithNote(await open('demo-article.html'));
    const page = await open('demo-article.html');
    const panel = await landmark(page);
    const remove = panel.getByRole('button', { name: /^Delete highlight/ });
    await remove.scrollIntoViewIfNeeded();
    await hidePanelUnderDecoy(page);
    await page.waitForTimeout(1_000);
    await clickThrough(page, remove);
    await page.waitForTimeout(1_000);
    expect(await painted(page, 'jc-q1')).toEqual([PASSAGE]);
    expect(await panel.getByRole('button', { name: 'Undo' }).count()).toBe(0);
    // Screen-reader users hear why (the live region is visually hidden).
    expect(await panel.getByText(/^That click did nothing/).count()).toBe(1);

    await showPanel(page);
    await page.waitForTimeout(VISIBLE_FOR_MS + 400);
    await clickThrough(page, remove);
    await expect.poll(() => painted(page, 'jc-q1')).toEqual([]);
  });

  it('(c) a click on a hidden "Copy Markdown" copies nothing', async () => {
    const page = await open('demo-article.html');
    await highlightWithNote(page);
    await session.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: session.server.origin,
    });
    await page.bringToFront();
    await page.evaluate(() => navigator.clipboard.writeText('nothing copied'));
    const panel = await landmark(page);
    const copy = panel.getByRole('button', { name: 'Copy Markdown for the discussion' });
    await copy.scrollIntoViewIfNeeded();
    await hidePanelUnderDecoy(page);
    await page.waitForTimeout(1_000);
    await clickThrough(page, copy);
    await page.waitForTimeout(1_500);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('nothing copied');
  });
});

describe('undo outlives the panel frame', () => {
  it('(d) a panel mounted again after a delete still offers Undo, which brings the highlight back', async () => {
    const page = await open('demo-article.html');
    await highlightWithNote(page);
    const panel = await landmark(page);
    const remove = panel.getByRole('button', { name: /^Delete highlight/ });
    await remove.waitFor();
    // A delete counts only on a panel visible for a moment (utils/panel/click-guard.ts).
    await page.waitForTimeout(VISIBLE_FOR_MS + 400);
    await remove.click();
    await expect.poll(() => painted(page, 'jc-q1')).toEqual([]);
    // The frame goes away (a page script removes it, or the panel re-mounts): the undo must not go with it.
    await page.evaluate(() => document.querySelector('journal-club-panel')?.remove());
    await page.reload();
    const again = await landmark(page);
    await again.getByRole('button', { name: 'Undo' }).click({ timeout: 10_000 });
    await expect.poll(() => painted(page, 'jc-q1'), { timeout: 10_000 }).toEqual([PASSAGE]);
    await expect.poll(() => again.getByText(NOTE).count()).toBe(1);
  });
});
