import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VISIBLE_FOR_MS } from '../../utils/panel/click-guard';
import type { MemberName } from '../support/club-e2e';
import {
  type FirefoxMember,
  firefoxMissing,
  firefoxReady,
  PAGE_HELPERS,
  selectPassageIn,
  startFirefoxClub,
  targetWith,
} from '../support/firefox-club';
import type { DevtoolsTarget } from '../support/firefox-devtools';
import { startFixtureServer } from '../support/server.mjs';

/**
 * The club's story in Firefox ESR against the real Community Solid Server, as club-story.test.ts tells it in
 * Chromium: each member connects on the options page; Alice ties a passage to question 2 with a note for "My
 * club" and her card says Published; Bob sees it under question 2 with her name and note, painted on his page,
 * with no control to delete or edit it (and a forged deletion is refused); he replies, and Alice sees his reply;
 * two more of hers, one right after the other, both publish. Each test goes on from the one before. The
 * Chromium story's offline steps are left out: Firefox's Work Offline (`Services.io.offline`) still let the
 * extension reach the server on localhost while it answered reads from the HTTP cache, so it does not stand for
 * a reader offline. The panel is read through the devtools server (BiDi does not reach extension frames) and clicked and
 * typed into with BiDi's pointer and keyboard over the article, as a reader would.
 */
const ALICE_PASSAGE = 'unifying the multiple streams of research';
const ALICE_NOTE = 'This is the heart of question 2: who trains the trainers?';
const BOB_PASSAGE = 'few available training programs';
const BOB_REPLY = 'Agreed, and the programs are few, as the next section says.';
const MORE = ['a grand challenge in health services', 'the embryonic nature of the existing research'];
const NOT_YOURS = 'Only the member who wrote this annotation can change or delete it.';

if (!firefoxReady) console.warn(`Skipping the club story in Firefox: ${firefoxMissing} is absent.`);

let club: Awaited<ReturnType<typeof startFirefoxClub>>;
let fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
const opened: Page[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.close()));
});

interface Reading {
  member: FirefoxMember;
  page: Page;
  /** The tab's documents as they come and go (the panel frame is one). */
  frames: Map<string, DevtoolsTarget>;
  panel: DevtoolsTarget;
}

/** Runs `body` in the panel frame with the page helpers, and returns its result. */
const inPanel = <T>(reading: Reading, body: string) =>
  reading.member.devtools.evaluate<T>(reading.panel, `${PAGE_HELPERS}\n${body}`);

/** The demo article in a member's browser, its panel loaded and visible long enough to take clicks. */
async function openArticle(name: MemberName): Promise<Reading> {
  const member = club.members[name];
  const page = await member.browser.newPage();
  opened.push(page);
  // Wide enough for side by side, as in the Chromium story: no passage lies under the panel.
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(`${fixtures.origin}/demo-article.html`);
  await page.waitForSelector('journal-club-panel', { timeout: 20_000 });
  const frames = await member.devtools.tabTargets(page.url());
  const panel = await targetWith(frames, '/panel.html');
  const reading = { member, page, frames, panel };
  await expect
    .poll(() => inPanel(reading, `return !!button(document, 'Tie my selection to question 2');`), { timeout: 20_000 })
    .toBe(true);
  await new Promise((resolve) => setTimeout(resolve, VISIBLE_FOR_MS + 200));
  return reading;
}

/**
 * A real click, through the article's page, on the panel's element that `find` (an expression over the page
 * helpers) returns, scrolled into view first.
 */
async function clickInPanel(reading: Reading, find: string): Promise<void> {
  const box = await inPanel<{ x: number; y: number } | null>(
    reading,
    `const element = ${find};
     if (!element) return null;
     element.scrollIntoView({ block: 'center' });
     const box = element.getBoundingClientRect();
     return { x: box.left + box.width / 2, y: box.top + box.height / 2 };`,
  );
  if (!box) throw new Error(`nothing in the panel for ${find}`);
  const host = await (await reading.page.$('journal-club-panel'))?.boundingBox();
  if (!host) throw new Error('the panel has no box');
  await reading.page.mouse.click(host.x + box.x, host.y + box.y);
}

const painted = (page: Page, name: string) =>
  page.evaluate((n) => [...(CSS.highlights.get(n) ?? [])].map((range) => range.toString()), name);

/** A reader's highlight: keyboard selection, "Tie to question N" in the toolbar, then a note typed and saved. */
async function tie(reading: Reading, passage: string, n: number, note?: string): Promise<void> {
  const { page } = reading;
  const before = (await painted(page, `jc-q${n - 1}`)).length;
  // Keys pressed on a loaded machine can land a character off: select again, as a reader would.
  await expect
    .poll(
      async () => {
        // A click in the article first: after a tie, the keyboard's focus may be in the panel.
        await page.click('h1');
        await selectPassageIn(page, passage);
        return page.evaluate(() => getSelection()?.toString());
      },
      { timeout: 20_000, interval: 500 },
    )
    .toBe(passage);
  const toolbarButton = await page.waitForSelector(
    `journal-club-toolbar >>> button[aria-label^="Tie to question ${n}"]`,
    { visible: true, timeout: 10_000 },
  );
  await toolbarButton?.click();
  await expect.poll(async () => (await painted(page, `jc-q${n - 1}`)).length, { timeout: 10_000 }).toBe(before + 1);
  if (note === undefined) return;
  await expect.poll(() => inPanel(reading, `return !!byLabel(document, 'Note');`)).toBe(true);
  await clickInPanel(reading, `byLabel(document, 'Note')`);
  await page.keyboard.type(note);
  await clickInPanel(reading, `button(byLabel(document, 'Note').closest('form') ?? document, 'Save')`);
  await expect
    .poll(() => inPanel(reading, `return document.body.innerText.includes(${JSON.stringify(note)});`))
    .toBe(true);
}

/** The states the reader's own cards show ("✓ Published", "Queued", "Failed: … Retrying."), in the panel's order. */
const cardStates = (reading: Reading) =>
  inPanel<string[]>(
    reading,
    `return [...document.querySelectorAll('.hl-visibility__state')].map((s) => s.textContent);`,
  );

/** Question N's section in the panel, as an expression over the page helpers. */
const question = (n: number) => `document.querySelector('section.q-section[data-question="${n}"]')`;

/** Alice's card under question 2, as Bob's panel shows it. */
const aliceCard = `[...${question(2)}.querySelectorAll('article.club-card')].find((card) =>
  /^Highlight by .*alice/i.test(card.getAttribute('aria-label') ?? '') &&
  card.textContent.includes(${JSON.stringify(ALICE_PASSAGE)}))`;

describe.skipIf(!firefoxReady)('the club story in Firefox (Solid)', () => {
  beforeAll(async () => {
    fixtures = await startFixtureServer();
    club = await startFirefoxClub();
  }, 180_000);
  afterAll(async () => {
    await club?.close();
    await fixtures?.close();
  });

  it('1. Alice ties a passage to question 2 with a note for "My club"; her card says Published', async () => {
    const alice = await openArticle('alice');
    await tie(alice, ALICE_PASSAGE, 2, ALICE_NOTE);
    await expect.poll(() => cardStates(alice), { timeout: 30_000 }).toEqual(['✓ Published']);
    expect(await inPanel(alice, `return ${question(2)}.innerText.includes('Visible to: my club');`)).toBe(true);
  });

  it('2. Bob sees it under question 2 with Alice’s name and note, painted on his page; he cannot delete it', async () => {
    const bob = await openArticle('bob');
    await expect.poll(() => inPanel(bob, `return !!(${aliceCard});`), { timeout: 20_000 }).toBe(true);
    const card = await inPanel<{ text: string; controls: string[]; from: boolean; remoteId: string | null }>(
      bob,
      `const card = ${aliceCard};
       return {
         text: card.textContent,
         controls: [...card.querySelectorAll('button')].map(nameOf).filter((name) => /^(Delete|Edit)/.test(name)),
         from: ${question(2)}.innerText.includes('From the club'),
         remoteId: card.getAttribute('data-remote-id'),
       };`,
    );
    expect(card.text).toContain(ALICE_NOTE);
    expect(card.controls).toEqual([]);
    expect(card.from).toBe(true);
    // A forged deletion from his own panel, with its ticket (Firefox has no ancestorOrigins), is refused plainly.
    expect(card.remoteId).toBeTruthy();
    const forged = await inPanel(
      bob,
      `return browser.runtime.sendMessage({ type: 'club-delete', remoteId: ${JSON.stringify(card.remoteId)},
         panelClaim: { ticket: location.hash.slice(1), ancestors: null } });`,
    );
    expect(forged).toEqual({ ok: false, error: NOT_YOURS });
    // Club highlights are painted on a site once the reader highlighted there himself (page-trust.ts).
    await tie(bob, BOB_PASSAGE, 1);
    await expect.poll(() => painted(bob.page, 'jc-club-q1'), { timeout: 20_000 }).toEqual([ALICE_PASSAGE]);

    await bob.page.reload();
    const again = { ...bob, panel: await targetWith(bob.frames, '/panel.html', bob.panel) };
    await expect.poll(() => inPanel(again, `return !!(${aliceCard});`), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => painted(bob.page, 'jc-club-q1'), { timeout: 20_000 }).toEqual([ALICE_PASSAGE]);
  });

  it('3. Bob replies; Alice sees the reply under her card after Refresh', async () => {
    const bob = await openArticle('bob');
    await expect.poll(() => inPanel(bob, `return !!(${aliceCard});`), { timeout: 20_000 }).toBe(true);
    await clickInPanel(
      bob,
      `[...(${aliceCard}).querySelectorAll('button')].find((b) => nameOf(b).startsWith('Reply to'))`,
    );
    await expect.poll(() => inPanel(bob, `return !!byLabel(document, 'Your reply');`)).toBe(true);
    await clickInPanel(bob, `byLabel(document, 'Your reply')`);
    await bob.page.keyboard.type(BOB_REPLY);
    await clickInPanel(bob, `button(${aliceCard}, 'Save')`);
    await expect
      .poll(() => inPanel(bob, `return (${aliceCard}).textContent.includes(${JSON.stringify(BOB_REPLY)});`), {
        timeout: 20_000,
      })
      .toBe(true);

    const alice = await openArticle('alice');
    await expect
      .poll(
        async () => {
          if (await inPanel(alice, `return !!button(document, 'Refresh');`)) {
            await clickInPanel(alice, `button(document, 'Refresh')`);
          }
          return inPanel(alice, `return ${question(2)}.innerText;`);
        },
        { timeout: 30_000, interval: 2_000 },
      )
      .toContain(BOB_REPLY);
    expect(await inPanel(alice, `return ${question(2)}.innerText;`)).toContain('One reply from the club');
  });

  it('4. Alice ties two more passages, one right after the other: both say Published, and Bob sees both', async () => {
    // Each publish rewrites Alice's whole document under If-Match: the second reads what the first wrote.
    const alice = await openArticle('alice');
    for (const passage of MORE) await tie(alice, passage, 3);
    await expect.poll(() => cardStates(alice), { timeout: 30_000 }).toEqual(Array(3).fill('✓ Published'));

    const bob = await openArticle('bob');
    for (const passage of MORE) {
      await expect
        .poll(
          async () => {
            if (await inPanel(bob, `return !!button(document, 'Refresh');`)) {
              await clickInPanel(bob, `button(document, 'Refresh')`);
            }
            return inPanel(bob, `return ${question(3)}.innerText;`);
          },
          { timeout: 30_000, interval: 2_000 },
        )
        .toContain(passage);
    }
  });
});
