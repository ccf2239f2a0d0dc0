import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { launchWithExtension } from '../support/browser.mjs';
import { openPopupFor } from '../support/popup';
import { REAL_PAGES } from '../support/real-pages.mjs';
import { startFixtureServer } from '../support/server.mjs';

/**
 * The authoring page in a French browser (as tests/e2e/french.test.ts forces French): its words, its issues
 * beside their fields, and no serious or critical axe finding, on a real publisher page no catalog has.
 */
const PLOS = REAL_PAGES.find((page) => page.site === 'plos');
const present =
  PLOS !== undefined && existsSync(new URL(`../../../shared/fixtures/pages/${PLOS.file}`, import.meta.url));
if (!present) console.warn('Skipping the French authoring page: ../shared/fixtures/pages is absent (see its README).');

let browser: Awaited<ReturnType<typeof launchWithExtension>>;
let server: Awaited<ReturnType<typeof startFixtureServer>>;

beforeAll(async () => {
  if (!present) return;
  server = await startFixtureServer();
  browser = await launchWithExtension({ extraArgs: ['--lang=fr'], env: { LANGUAGE: 'fr', LANG: 'fr_FR.UTF-8' } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.skipIf(!present)('the authoring page in French', () => {
  it('speaks French, shows each issue beside its field, and passes axe', async () => {
    const article = await browser.context.newPage();
    await article.goto(`${server.origin}/shared/${PLOS?.file}`);
    const popup = await openPopupFor(browser, article);
    const opened = browser.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Lancer une discussion du club' }).click();
    const author = await opened;

    await expect.poll(() => author.getByLabel('DOI', { exact: true }).inputValue()).toBe(PLOS?.doi);
    expect(await author.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await author.getByRole('heading', { level: 1 }).textContent()).toBe('Lancer une discussion du club');
    const postUrl = author.getByLabel('Adresse du billet', { exact: true });
    await postUrl.fill('javascript:alert(1)');
    expect(await postUrl.getAttribute('aria-invalid')).toBe('true');
    const described = (await postUrl.getAttribute('aria-describedby')) ?? '';
    const issue = author.locator(`[id="${described.split(' ').at(-1)}"]`);
    expect(await issue.textContent()).toBe('Saisissez une adresse web commençant par http:// ou https://.');
    expect(await author.getByRole('button', { name: 'Enregistrer dans Mon club' }).isDisabled()).toBe(true);
    await author.getByLabel('Question 1 en français (facultatif)').fill('Pourquoi le jaune ?');
    expect(await seriousViolations(author)).toEqual([]);
  });
});
