import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VISIBLE_FOR_MS } from '../../utils/panel/click-guard';
import { launchWithExtension, waitForPanelFrame } from '../support/browser.mjs';
import { painted } from '../support/page-text';
import { startFixtureServer } from '../support/server.mjs';

/**
 * A file of W3C annotations written by another tool, imported in the real extension: the one that quotes a
 * passage of the article, with no position and no urn:uuid id, is saved under the question it links to and painted
 * on the page, again after a reload; the one about the whole page is refused with its reason, before anything is
 * written.
 */
type Browser = Awaited<ReturnType<typeof launchWithExtension>>;
let browser: Browser;
let server: Awaited<ReturnType<typeof startFixtureServer>>;
let folder = '';

const DOI = '10.1186/s12913-020-05145-1';
const POST =
  'https://researchimpact.ca/kmb-journal-club/implementation-support-practitioners-a-proposal-for-consolidating-a-diverse-evidence-base/';
const PASSAGE = 'necessitates improved conceptual thinking';
const NOTE = 'Read alongside the logic model.';

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension();
  folder = await mkdtemp(join(tmpdir(), 'jcr-import-'));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

const panelOf = async (page: Page): Promise<Frame> => {
  const frame = await waitForPanelFrame(page, browser.extensionId);
  await frame.getByRole('complementary', { name: 'Journal club' }).waitFor();
  await page.waitForTimeout(VISIBLE_FOR_MS + 200);
  return frame;
};

describe('importing another tool’s Web Annotations', () => {
  it('saves and paints the quoted passage under its question, and says why the other one was refused', async () => {
    const article = `${server.origin}/demo-article.html`;
    const file = join(folder, 'from-another-tool.jsonld');
    await writeFile(
      file,
      JSON.stringify({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'AnnotationPage',
        id: 'https://annotations.example/page/1',
        items: [
          {
            id: 'https://annotations.example/anno/7',
            type: 'Annotation',
            body: [
              { type: 'TextualBody', value: NOTE, purpose: 'commenting' },
              { type: 'SpecificResource', purpose: 'classifying', source: `${POST}#q3` },
            ],
            target: {
              source: article,
              scope: `https://doi.org/${DOI}`,
              selector: { type: 'TextQuoteSelector', exact: PASSAGE, prefix: 'as a profession ', suffix: ' about' },
            },
          },
          { id: 'https://annotations.example/anno/8', type: 'Annotation', bodyValue: 'Nice page', target: article },
        ],
      }),
    );

    const page = await browser.context.newPage();
    await page.goto(article);
    const panel = await panelOf(page);
    await panel.locator('input[type=file]').setInputFiles(file);
    const confirm = panel.getByRole('group', { name: 'Import' });
    await confirm.waitFor();
    const summary = await confirm.textContent();
    expect(summary).toContain('1 new, 1 invalid');
    expect(summary).toContain('is about a whole page or file');
    expect(await painted(page, 'jc-q2')).toEqual([]);

    await confirm.getByRole('button', { name: 'Import' }).click();
    await panel.getByText('Imported 1 highlight.').waitFor();
    const question3 = panel.getByRole('region', { name: /Question 3/ });
    await expect.poll(() => question3.getByText(NOTE).count()).toBe(1);
    await expect.poll(() => painted(page, 'jc-q2')).toEqual([PASSAGE]);

    // Found again from its quote alone when the article is opened anew.
    await page.reload();
    await panelOf(page);
    await expect.poll(() => painted(page, 'jc-q2')).toEqual([PASSAGE]);
    await page.close();
  });
});
