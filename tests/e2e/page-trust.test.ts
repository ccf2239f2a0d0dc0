import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { VISIBLE_FOR_MS } from '../../utils/panel/click-guard';
import type { SharedHighlight } from '../../utils/sharing/share-link';
import { encodeShareLink } from '../../utils/sharing/share-link';
import { waitForPanelFrame } from '../support/browser.mjs';
import { useExtensionSession } from '../support/extension-session';
import { painted, passageEnds } from '../support/page-text';

/**
 * What a hostile page can make the extension do (issue 10, review F2, F6, F8): each test is an attack page on a
 * loopback server of its own, so on an origin of its own, as a page on another site would be.
 */
declare const chrome: Browser;

const session = useExtensionSession();
const CLUB_DOI = '10.1186/s12913-020-05145-1';
const PASSAGE = 'few available training programs';
const DEMO = new URL('../fixtures/demo-article.html', import.meta.url);

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A server on a new port (a new origin) that answers every path with `html`. */
async function hostileOrigin(html: string): Promise<string> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

async function open(url: string): Promise<Page> {
  const page = await session.browser.context.newPage();
  closers.push(() => page.close());
  await page.goto(url);
  return page;
}

const panelOf = async (page: Page) =>
  (await waitForPanelFrame(page, session.browser.extensionId)).getByRole('complementary', { name: 'Journal club' });

/** Every range the page can read from `CSS.highlights` under the extension's names. */
const readable = (page: Page) =>
  page.evaluate(() =>
    [...CSS.highlights.entries()].flatMap(([name, set]) =>
      name.startsWith('jc-') ? [...set].map((range) => `${name}: ${range.toString()}`) : [],
    ),
  );

/** Every highlight stored in the extension's database. */
const stored = () =>
  session.browser.worker.evaluate(
    () =>
      new Promise<
        {
          id: string;
          doi: string;
          questionId: string | null;
          note: string;
          target: { source: string; selectors: [{ exact: string }] };
        }[]
      >((resolve, reject) => {
        const opening = indexedDB.open('journal-club');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const request = opening.result.transaction('highlights').objectStore('highlights').getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        };
      }),
  );

/** The reader highlights PASSAGE on the demo article (served by the test's own fixture server), with the mouse. */
let made: Promise<void> | null = null;
function readerHighlight(): Promise<void> {
  made ??= (async () => {
    const page = await session.browser.context.newPage();
    await page.goto(`${session.server.origin}/demo-article.html`);
    await (await panelOf(page)).waitFor();
    const box = await passageEnds(page, PASSAGE);
    await page.mouse.move(box.x1, box.y1);
    await page.mouse.down();
    await page.mouse.move(box.x2, box.y2, { steps: 4 });
    await page.mouse.up();
    await page.getByRole('toolbar', { name: 'Highlight the selection' }).waitFor();
    await page.keyboard.press('1');
    await expect.poll(() => painted(page, 'jc-q0')).toEqual([PASSAGE]);
    await page.close();
  })();
  return made;
}

/** The `#jc=…` of a share link for one passage of the demo article. */
async function shareHash(item: Partial<SharedHighlight>): Promise<string> {
  const link = await encodeShareLink({
    doi: CLUB_DOI,
    questionId: 'q1',
    questionText: null,
    note: 'From the link',
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact: 'implementation support practitioner',
        prefix: 'the role of the “',
        suffix: '”',
      },
      { type: 'TextPositionSelector', start: 0, end: 0 },
    ],
    clubName: 'A club',
    entryId: null,
    title: null,
    ...item,
  });
  const url = link.url;
  return url.slice(url.indexOf('#'));
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

describe('a page learns nothing it did not already know (F2)', () => {
  it('a copy of the article on another origin gets no highlights painted until the reader asks', async () => {
    await readerHighlight();
    const origin = await hostileOrigin(await readFile(DEMO, 'utf8'));
    const page = await open(`${origin}/copy.html`);
    const panel = await panelOf(page);
    // The panel lists the reader's highlight (from their copy), and the page has had time to draw it.
    await expect.poll(() => panel.textContent(), { timeout: 10_000 }).toContain(PASSAGE);
    await settle();
    expect(await readable(page)).toEqual([]);

    await panel.getByRole('button', { name: 'Show on this page' }).click();
    await expect.poll(() => painted(page, 'jc-q0')).toEqual([PASSAGE]);
    // Remembered for the entry: the next visit paints at once.
    await page.reload();
    await expect.poll(() => painted(page, 'jc-q0'), { timeout: 10_000 }).toEqual([PASSAGE]);
  });

  it('a page without a DOI that writes #jc= into its own address gets no panel and nothing painted', async () => {
    await readerHighlight();
    const hash = await shareHash({});
    const body = (await readFile(DEMO, 'utf8')).replace(/<meta name="citation_[^>]*>/g, '');
    const script = `<script>history.replaceState(null, '', location.pathname + ${JSON.stringify(hash)});</script>`;
    const origin = await hostileOrigin(body.replace('<head>', `<head>${script}`));
    const page = await open(`${origin}/blog.html`);
    expect(page.url()).toContain('#jc=');
    await settle();
    expect(await page.locator('journal-club-panel').count()).toBe(0);
    expect(await readable(page)).toEqual([]);
  });

  it('a page swapping DOIs cannot tell a catalogued one from others: after a few, no panel without a click', async () => {
    const origin = await hostileOrigin(`<!doctype html><html><head><title>Probe</title></head><body>
      <p>Nothing to see.</p>
      <script>
        window.probe = async (doi) => {
          document.querySelector('meta[name="citation_doi"]')?.remove();
          const meta = document.createElement('meta');
          meta.name = 'citation_doi';
          meta.content = doi;
          document.head.append(meta);
          await new Promise((resolve) => setTimeout(resolve, 1200));
          return document.querySelector('journal-club-panel') !== null;
        };
      </script></body></html>`);
    const page = await open(`${origin}/probe.html`);
    const seen: boolean[] = [];
    for (const doi of ['10.5555/probe-1', '10.5555/probe-2', '10.5555/probe-3', '10.5555/probe-4', CLUB_DOI]) {
      seen.push(
        await page.evaluate((value) => (window as unknown as { probe(d: string): Promise<boolean> }).probe(value), doi),
      );
    }
    expect(seen).toEqual([false, false, false, false, false]);
  });
});

describe('the page cannot drive the reader’s hands (F6)', () => {
  it('a passage selected by the page’s script is not saved by the reader’s "h" key', async () => {
    const page = await open(`${session.server.origin}/demo-article.html`);
    await (await panelOf(page)).waitFor();
    const before = (await stored()).length;
    await page.evaluate(() => {
      const text = document.querySelectorAll('article p')[2]?.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, 30);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
    await settle();
    await page.keyboard.press('h');
    await settle();
    expect((await stored()).length).toBe(before);
    expect(await painted(page, 'jc-untied')).toEqual([]);
  });

  it('a script’s click on a painted highlight does not reopen a panel the reader closed', async () => {
    await readerHighlight();
    const page = await open(`${session.server.origin}/demo-article.html`);
    await expect.poll(() => painted(page, 'jc-q0')).toEqual([PASSAGE]);
    await (await panelOf(page)).getByRole('button', { name: 'Close panel for this page' }).click();
    await expect.poll(() => page.locator('journal-club-panel').count()).toBe(0);
    const box = await passageEnds(page, PASSAGE);
    await page.evaluate(
      ({ x, y }) => {
        document
          .elementFromPoint(x, y)
          ?.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: x, clientY: y }));
      },
      { x: box.x1 + 5, y: box.y1 },
    );
    await settle();
    expect(await page.locator('journal-club-panel').count()).toBe(0);
  });
});

describe('a shared passage matches the page and keeps its origin (F8)', () => {
  it('refuses a link about another DOI on an article page', async () => {
    const page = await open(
      `${session.server.origin}/demo-article.html${await shareHash({ doi: '10.5555/unrelated' })}`,
    );
    const panel = await panelOf(page);
    await panel.getByRole('alert').waitFor();
    expect(await panel.getByRole('alert').textContent()).toMatch(/another article/);
    expect(await panel.getByRole('button', { name: 'Save to my highlights' }).count()).toBe(0);
  });

  it('saves a forged question as untied, without #jc= in its source, and shows it was shared', async () => {
    const note = `Forged question ${Date.now()}`;
    const page = await open(
      `${session.server.origin}/demo-article.html${await shareHash({ questionId: 'q9-not-a-question', note })}`,
    );
    const panel = await panelOf(page);
    const save = panel.getByRole('button', { name: 'Save to my highlights' });
    await save.waitFor();
    // Saving is a guarded action: as a reader does, it waits for the panel to have been seen.
    await page.waitForTimeout(VISIBLE_FOR_MS + 200);
    await save.click();
    await panel.getByText('Saved to your highlights.').waitFor();
    const saved = (await stored()).find((highlight) => highlight.note === note);
    expect(saved?.questionId).toBeNull();
    expect(saved?.target.source).toBe(`${session.server.origin}/demo-article.html`);
    const card = panel.locator(`[data-highlight-id="${saved?.id}"]`);
    await expect.poll(() => card.textContent()).toContain('Shared with you');
  });
});

describe('every highlight operation fits the page (F9)', () => {
  it('highlights on a page whose address is longer than 4,096 characters, keeping a shortened address', async () => {
    const page = await open(`${session.server.origin}/demo-article.html?${'q'.repeat(5_000)}`);
    await (await panelOf(page)).waitFor();
    const passage = 'Workforce development for implementation';
    const box = await passageEnds(page, passage);
    await page.mouse.move(box.x1, box.y1);
    await page.mouse.down();
    await page.mouse.move(box.x2, box.y2, { steps: 4 });
    await page.mouse.up();
    await page.getByRole('toolbar', { name: 'Highlight the selection' }).waitFor();
    await page.keyboard.press('h');
    await expect.poll(() => painted(page, 'jc-untied')).toContain(passage);
    const saved = (await stored()).find((highlight) => highlight.target.selectors[0].exact === passage);
    expect(saved?.target.source).toBe(`${session.server.origin}/demo-article.html`);
  });
});
