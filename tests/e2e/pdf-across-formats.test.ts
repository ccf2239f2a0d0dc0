import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForPanelFrame } from '../support/browser.mjs';
import { useExtensionSession } from '../support/extension-session';
import { useFreshPages } from '../support/fresh-pages';
import { painted, selectPassage } from '../support/page-text';
import { printDemoPdf, servePdf, viewerUrl } from '../support/pdf-viewer/demo-pdf';

/**
 * Issue 13, part 5, end to end in the built extension: a highlight tied on the HTML article shows in the viewer
 * on the PDF of the same DOI (Chromium's print of that page, served on loopback), and one tied in the PDF shows
 * on the HTML article once the reader lets that site see highlights made elsewhere.
 */
const session = useExtensionSession();
const open = useFreshPages(session);

let served: Awaited<ReturnType<typeof servePdf>>;
beforeAll(async () => {
  served = await servePdf(await printDemoPdf(session.server.origin));
});
afterAll(async () => {
  await served?.close();
});

const panel = async (page: Page) =>
  (await waitForPanelFrame(page, session.browser.extensionId, 20_000)).getByRole('complementary', {
    name: 'Journal club',
  });

/** Ties the passage now selected to question 2 with the selection toolbar. */
async function tieToQuestion2(page: Page): Promise<void> {
  const toolbar = page.getByRole('toolbar', { name: 'Highlight the selection' });
  await toolbar.getByRole('button', { name: /^Tie to question 2/ }).click();
}

/** The passage's letters: the PDF's text layer ends its lines without a space, the HTML page with one. */
const letters = (texts: string[]) => texts.map((text) => text.replace(/\s+/g, ''));

async function inViewer(): Promise<Page> {
  const page = await open('demo-article.html');
  await page.goto(viewerUrl(session.browser.extensionId, served.url));
  await (await panel(page)).getByRole('button', { name: 'Tie my selection to question 2' }).waitFor();
  await page.waitForFunction(() => document.querySelector('.page .textLayer .endOfContent') !== null);
  return page;
}

describe('a highlight crosses between the HTML article and its PDF', () => {
  it('tied on the HTML page, it is drawn in the PDF', async () => {
    const PASSAGE = 'few available training programs and a general shortage of frontline service staff';
    const article = await open('demo-article.html');
    await (await panel(article)).waitFor();
    await selectPassage(article, PASSAGE);
    await tieToQuestion2(article);
    await expect.poll(() => painted(article, 'jc-q1')).toEqual([PASSAGE]);

    const viewer = await inViewer();
    await expect
      .poll(async () => letters(await painted(viewer, 'jc-q1')), { timeout: 15_000 })
      .toEqual(letters([PASSAGE]));
  });

  it('tied in the PDF, it is drawn on the HTML page', async () => {
    const PASSAGE = 'Workforce development for implementation practice';
    const viewer = await inViewer();
    await selectPassage(viewer, PASSAGE);
    await tieToQuestion2(viewer);
    await expect.poll(async () => letters(await painted(viewer, 'jc-q1'))).toEqual(letters([PASSAGE]));

    // A page is shown highlights made elsewhere (here, the PDF's address) only when the reader asks it to.
    const article = await open('demo-article.html');
    await (await panel(article)).getByRole('button', { name: 'Show on this page' }).click();
    await expect.poll(() => painted(article, 'jc-q1'), { timeout: 15_000 }).toEqual([PASSAGE]);
  });
});
