import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { launchWithExtension, waitForPanelFrame } from '../support/browser.mjs';
import { startFeedServer, subscribeToFeed } from '../support/feeds';
import { selectDemoOpening } from '../support/page-text';
import { startFixtureServer } from '../support/server.mjs';

/** The extension APIs as the service worker sees them (Chromium's promise-returning `chrome`). */
declare const chrome: Browser;

type Launched = Awaited<ReturnType<typeof launchWithExtension>>;
let browser: Launched;
let server: Awaited<ReturnType<typeof startFixtureServer>>;

/**
 * Chromium in French: `--lang` picks the extension's messages; `LANGUAGE`/`LANG` are what Chromium on Linux reads
 * for its own UI language where its French resources are installed. Where they are not (Debian's `chromium`
 * without `chromium-l10n`), `getUILanguage()` still says `en-US` while the extension's messages are French,
 * which is why the extension takes its language from its messages (utils/ui-language.ts).
 */
beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension({
    extraArgs: ['--lang=fr'],
    env: { LANGUAGE: 'fr', LANG: 'fr_FR.UTF-8' },
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openDemo(): Promise<{ page: Page; panel: Frame }> {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/demo-article.html`);
  const panel = await waitForPanelFrame(page, browser.extensionId);
  await panel.getByRole('complementary', { name: 'Club de lecture' }).waitFor();
  return { page, panel };
}

describe('the extension in a French browser', () => {
  it('reads its messages in French', async () => {
    const messages = await browser.worker.evaluate(() => [
      chrome.i18n.getMessage('extension_language'),
      chrome.i18n.getMessage('extension_name'),
    ]);
    expect(messages).toEqual(['fr', 'Lecteur de club de lecture']);
  });

  it('shows the panel in French, with the catalog text in English where the entry has no French', async () => {
    const { page, panel } = await openDemo();
    expect(await panel.evaluate(() => [document.documentElement.lang, document.title])).toEqual([
      'fr',
      'Club de lecture',
    ]);
    expect(await panel.getByRole('tab').allTextContents()).toEqual(['Questions', 'Résumé', 'Commentaire']);
    expect(await panel.getByRole('tablist').getAttribute('aria-label')).toBe('La lecture du club');
    // Each question's heading starts with its colour swatch (non-breaking spaces, hidden from screen readers).
    const headings = (await panel.getByRole('heading', { level: 2 }).allTextContents()).map((h) => h.trim());
    expect(headings).toEqual(expect.arrayContaining(['Question 1', 'Question 2', 'Partager et exporter']));
    for (const n of [1, 2, 3]) {
      const region = panel.getByRole('region', { name: `Question ${n}` });
      expect(await region.getByRole('button', { name: `Relier ma sélection à la question ${n}` }).count()).toBe(1);
      expect(await region.getByText('0 surlignage').count()).toBe(1);
    }
    const text = (await panel.getByRole('complementary').textContent()) ?? '';
    expect(text).toMatch(/Libre accès — licence dans les métadonnées de la page : https:\/\/creativecommons\.org/);
    expect(text).toContain('Participer à la discussion du club');
    // The bundled entry is published in English only: its text falls back to English.
    expect(text).toContain(
      'Implementation support practitioners – a proposal for consolidating a diverse evidence base',
    );
    expect(text).toContain('I’m not certain why this paper needed to be written.');
    await expect
      .poll(() => panel.getByRole('link', { name: 'Research Impact Canada — KMb Journal Club' }).count())
      .toBe(1);

    const title = await browser.worker.evaluate(async (url: string) => {
      const [tab] = await chrome.tabs.query({ url });
      return tab?.id === undefined ? 'no tab' : chrome.action.getTitle({ tabId: tab.id });
    }, page.url());
    expect(title).toBe('Discuté par Research Impact Canada — KMb Journal Club : cliquez pour ouvrir le panneau');
    await page.close();
  });

  it('offers the selection toolbar, the note editor and the highlight card in French', async () => {
    const { page, panel } = await openDemo();
    await selectDemoOpening(page);
    const toolbar = page.getByRole('toolbar', { name: 'Surligner la sélection' });
    await toolbar.getByRole('button', { name: /^Relier à la question 1 : / }).click();

    const note = panel.getByRole('textbox', { name: /^Note sur « / });
    await note.fill('Une note.');
    await panel.getByRole('button', { name: 'Enregistrer' }).click();
    const card = panel.getByRole('article', { name: /^Surlignage : « / });
    await expect.poll(() => card.count()).toBe(1);
    const cardText = (await card.textContent()) ?? '';
    expect(cardText).toMatch(/Question 1 · Enregistré le \d{1,2} [a-zé]+\.? \d{4}/);
    // The card is listed before the note's save comes back; then its button says the note can be edited.
    await expect.poll(() => card.getByRole('button', { name: /^Modifier la note : « / }).count()).toBe(1);
    const question = panel.getByRole('region', { name: 'Question 1' });
    await expect.poll(() => question.getByRole('button', { name: '1 surlignage' }).count()).toBe(1);
    await page.close();
  });

  it('shows the French version of every catalog field the club published in French', async () => {
    const feeds = await startFeedServer();
    const text = (en: string, fr: string) => ({ en, fr });
    feeds.json('/bilingual.json', {
      version: 1,
      entries: [
        {
          id: 'bilingual-2024',
          dois: ['10.5555/not-in-any-catalog.2024.001'],
          title: text('A bilingual club entry', 'Une fiche bilingue du club'),
          authors: ['Test Author'],
          citation: 'Test citation',
          year: 2024,
          articleUrls: [],
          club: { name: text('Bilingual Club', 'Club bilingue'), url: 'https://club.example/' },
          postUrl: 'https://club.example/posts/bilingual',
          summary: text('The summary in English.', 'Le résumé en français.'),
          commentary: 'Commentary in English only.',
          questions: [{ id: 'q1', text: text('What changes in practice?', 'Qu’est-ce qui change en pratique ?') }],
        },
      ],
    });
    try {
      await subscribeToFeed(browser.context, browser.extensionId, `${feeds.origin}/bilingual.json`);
      const page = await browser.context.newPage();
      await page.goto(`${server.origin}/other-article.html`);
      const panel = await waitForPanelFrame(page, browser.extensionId);
      const aside = panel.getByRole('complementary', { name: 'Club de lecture' });
      await aside.waitFor();
      const shown = (await aside.textContent()) ?? '';
      for (const french of ['Club bilingue', 'Une fiche bilingue du club', 'Le résumé en français.']) {
        expect(shown).toContain(french);
      }
      expect(shown).toContain('Qu’est-ce qui change en pratique ?');
      expect(shown).not.toContain('The summary in English.');
      // A field published in English only stays in English.
      expect(shown).toContain('Commentary in English only.');
      await page.close();
    } finally {
      await feeds.close();
    }
  });

  it('folds to a tab that says it opens the panel, in French', async () => {
    const { page, panel } = await openDemo();
    await panel.getByRole('button', { name: 'Replier le panneau' }).click();
    const tab = (await waitForPanelFrame(page, browser.extensionId)).getByRole('button', {
      name: 'Club de lecture : ouvrir le panneau',
    });
    await expect.poll(() => tab.count()).toBe(1);
    await page.close();
  });
});
