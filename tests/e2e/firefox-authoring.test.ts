import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCatalog } from '../../utils/catalog/parse';
import {
  type FirefoxMember,
  firefoxMissing,
  firefoxReady,
  launchFirefoxMember,
  PAGE_HELPERS,
  targetWith,
} from '../support/firefox-club';
import type { DevtoolsTarget } from '../support/firefox-devtools';
import { REAL_PAGES } from '../support/real-pages.mjs';
import { startFixtureServer } from '../support/server.mjs';

/**
 * The organiser's story (issue 14) in Firefox ESR, as authoring-story.test.ts and my-club-feed.test.ts tell it in
 * Chromium: on a real publisher page that no catalog has, the popup's "Start a club discussion" opens the
 * authoring page with the fields prefilled from the page; a summary and three questions saved, the panel appears
 * on the article without a reload, showing question 2; My club's "Download the feed" saves a feed that reads
 * back with the entry. Each test goes on from the one before. BiDi reaches no extension document, so the popup,
 * the authoring page, the options page and the panel frame are read and driven through the devtools server
 * (firefox-devtools.ts); the buttons that matter to the browser (the popup's, the download) get a trusted click.
 */
const PLOS = REAL_PAGES.find((page) => page.site === 'plos');
const PAGES = new URL('../../../shared/fixtures/pages/', import.meta.url);
const present = PLOS !== undefined && existsSync(new URL(PLOS.file, PAGES));
if (!firefoxReady) console.warn(`Skipping the authoring story in Firefox: ${firefoxMissing} is absent.`);
else if (!present)
  console.warn(`Skipping the authoring story in Firefox: ${PAGES.pathname} is absent (see its README).`);

const DOI = '10.1371/journal.pone.0213978';
const QUESTIONS = [
  'Would yolk sampling work in our own flocks?',
  'How strong is the evidence that yolk and serum agree?',
  'What would a vaccine producer change first?',
];

/** Script for the extension's pages: the box whose label reads exactly `text` (the page helpers' match a prefix). */
const FIELD_HELPERS = `${PAGE_HELPERS}
  const field = (text) => {
    const label = [...document.querySelectorAll('label')].find((label) => label.textContent.trim() === text);
    if (!label?.control) throw new Error('no field labelled ' + text);
    return label.control;
  };
`;

let fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
let member: FirefoxMember;
let downloads: string;
let article: Page;
let author: DevtoolsTarget;

/** Runs `body` in an extension document with the helpers above, and returns its result. */
const inPage = <T>(target: DevtoolsTarget, body: string) =>
  member.devtools.evaluate<T>(target, `${FIELD_HELPERS}\n${body}`);

/** A trusted click on the control `find` (an expression over the helpers) returns, in a document in its own tab. */
async function clickIn(target: DevtoolsTarget, find: string): Promise<void> {
  const box = await inPage<{ x: number; y: number } | null>(
    target,
    `const element = ${find};
     if (!element) return null;
     element.scrollIntoView({ block: 'center' });
     const box = element.getBoundingClientRect();
     return { x: box.left + box.width / 2, y: box.top + box.height / 2 };`,
  );
  if (!box) throw new Error(`nothing in ${target.url} for ${find}`);
  await member.devtools.trustedClick(target, box.x, box.y);
}

describe.skipIf(!firefoxReady || !present)('starting a club discussion in Firefox', () => {
  beforeAll(async () => {
    fixtures = await startFixtureServer();
    member = await launchFirefoxMember();
    // Downloads go to a folder of the test's own, without asking, as a reader's default settings do.
    downloads = await mkdtemp(join(tmpdir(), 'jc-ff-authoring-'));
    await member.devtools.inParentProcess(
      `Services.prefs.setIntPref('browser.download.folderList', 2);
       Services.prefs.setStringPref('browser.download.dir', ${JSON.stringify(downloads)});
       Services.prefs.setBoolPref('browser.download.useDownloadDir', true);
       Services.prefs.setBoolPref('browser.download.always_ask_before_handling_new_types', false);`,
    );
  }, 60_000);
  afterAll(async () => {
    member?.devtools.close();
    await member?.browser.close();
    await fixtures?.close();
    if (downloads) await rm(downloads, { recursive: true, force: true });
  });

  it('1. the popup’s "Start a club discussion" opens the authoring page, prefilled from the page', async () => {
    article = await member.browser.newPage();
    await article.setViewport({ width: 1280, height: 800 });
    await article.goto(`${fixtures.origin}/shared/${PLOS?.file}`);
    const background = await targetWith(member.extension, '_generated_background_page.html');
    const tabId = await member.devtools.evaluate<number | null>(
      background,
      `const tabs = await browser.tabs.query({});
       return tabs.find((tab) => tab.url === ${JSON.stringify(article.url())})?.id ?? null;`,
    );
    expect(tabId).not.toBeNull();
    // The toolbar button cannot be clicked from a test: its popup is opened in a tab, pointed at the article's.
    await member.devtools.evaluate(
      background,
      `await browser.tabs.create({ url: browser.runtime.getURL('/popup.html?tab=${tabId}') });`,
    );
    const popup = await targetWith(member.extension, '/popup.html');
    await expect
      .poll(() => inPage<string>(popup, `return document.body.innerText;`), { timeout: 20_000 })
      .toContain("is not in the club's catalog");
    await clickIn(popup, `button(document, 'Start a club discussion')`);
    author = await targetWith(member.extension, `/author.html?tab=${tabId}`);

    const value = (label: string) => inPage<string>(author, `return field(${JSON.stringify(label)}).value;`);
    await expect.poll(() => value('DOI').catch(() => ''), { timeout: 20_000 }).toBe(DOI);
    expect(await value('Title')).toBe(
      'Assessment on reticuloendotheliosis virus infection in specific-pathogen-free chickens based on detection of yolk antibody',
    );
    expect((await value('Authors')).split('\n')).toEqual(expect.arrayContaining(['Yang Li', 'Peng Zhao']));
    expect(await value('Year')).toBe('2019');
    expect(await value('Citation')).toMatch(
      /^Li, Y\., Wang, T\., .*& Zhao, P\. \(2019\)\. Assessment on .*yolk antibody\. PLOS ONE, \d+\(4\), e0213978\. https:\/\/doi\.org\/10\.1371\/journal\.pone\.0213978$/,
    );
    expect(await value('Article addresses')).toBe(`https://journals.plos.org/plosone/article?id=${DOI}`);
    expect(await value('PDF address (optional)')).toContain('type=printable');
    expect(await value('Entry id')).toBe('li-2019');
    expect(await inPage(author, `return button(document, 'Save to My club').disabled;`)).toBe(true);
  });

  it('2. a summary and three questions saved, the panel appears on the article without a reload, with question 2', async () => {
    await article.evaluate(() => {
      (window as { beforeSave?: boolean }).beforeSave = true;
    });
    await inPage(
      author,
      `// One box at a time, each once it exists (an added question's box comes with the next render).
       const fill = async (label, text) => {
         for (let tries = 0; ; tries++) {
           try { type(field(label), text); break; } catch (error) { if (tries > 100) throw error; }
           await new Promise((resolve) => setTimeout(resolve, 50));
         }
         await new Promise((resolve) => setTimeout(resolve, 20));
       };
       await fill('Summary (Markdown)', 'Yolk antibodies can stand in for **serum** antibodies.');
       await fill('Commentary (Markdown)', 'A cheaper way to check flocks.');
       await fill('Question 1 (id q1)', ${JSON.stringify(QUESTIONS[0])});
       button(document, 'Add a question').click();
       await fill('Question 2 (id q2)', ${JSON.stringify(QUESTIONS[1])});
       button(document, 'Add a question').click();
       await fill('Question 3 (id q3)', ${JSON.stringify(QUESTIONS[2])});
       await fill('Club name', 'Poultry Health Journal Club');
       await fill('Club address', 'https://club.example/');
       await fill('Post address', 'https://club.example/posts/yolk');`,
    );
    await expect
      .poll(() =>
        inPage(author, `return document.querySelector('[aria-label="Preview: Summary (Markdown)"]').innerHTML;`),
      )
      .toContain('<strong>serum</strong>');
    await expect.poll(() => inPage(author, `return button(document, 'Save to My club').disabled;`)).toBe(false);
    await clickIn(author, `button(document, 'Save to My club')`);
    const said = () =>
      inPage<string[]>(author, `return [...document.querySelectorAll('[role=status]')].map((s) => s.textContent);`);
    await expect
      .poll(said, { timeout: 20_000 })
      .toContainEqual('Saved to My club as “li-2019”. The panel now shows it on the article.');

    await article.bringToFront();
    await article.waitForSelector('journal-club-panel', { timeout: 20_000 });
    const frames = await member.devtools.tabTargets(article.url());
    const panel = await targetWith(frames, '/panel.html');
    await expect
      .poll(
        () =>
          member.devtools
            .evaluate<string>(
              panel,
              `return document.querySelector('section.q-section[data-question="2"]')?.innerText ?? '';`,
            )
            .catch(() => ''),
        { timeout: 20_000 },
      )
      .toContain(QUESTIONS[1]);
    expect(await article.evaluate(() => (window as { beforeSave?: boolean }).beforeSave)).toBe(true);
  });

  it('3. My club’s "Download the feed" saves a feed that reads back with the entry and its three questions', async () => {
    const background = await targetWith(member.extension, '_generated_background_page.html');
    await member.devtools.evaluate(background, 'await browser.runtime.openOptionsPage();');
    const options = await targetWith(member.extension, '/options.html');
    await expect
      .poll(() => inPage<string>(options, `return section('My club')?.innerText ?? '';`), { timeout: 20_000 })
      .toContain('Assessment on reticuloendotheliosis virus infection');
    await clickIn(options, `button(section('My club'), 'Download the feed (catalog.json)')`);

    // The browser's own list says when the file is whole (a download is written under another name first).
    await expect
      .poll(
        () =>
          member.devtools.inParentProcess<string[]>(
            `const { Downloads } = ChromeUtils.importESModule('resource://gre/modules/Downloads.sys.mjs');
             const list = await Downloads.getList(Downloads.ALL);
             return (await list.getAll()).filter((download) => download.succeeded).map((d) => d.target.path);`,
          ),
        { timeout: 20_000 },
      )
      .toEqual([join(downloads, 'catalog.json')]);
    const feed = JSON.parse(await readFile(join(downloads, 'catalog.json'), 'utf8'));
    const { entries, errors } = parseCatalog(feed, 'catalog.json');
    expect(errors).toEqual([]);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ id: 'li-2019', dois: [DOI], year: 2019 });
    expect(entries[0]?.questions.map((question) => question.text)).toEqual(QUESTIONS);
  });
});
