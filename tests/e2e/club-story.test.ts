import type { BrowserContext, Frame, Page, Route } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { VISIBLE_FOR_MS } from '../../utils/panel/click-guard';
import { waitForPanelFrame } from '../support/browser.mjs';
import { type ClubBrowser, type ClubKind, clubStatus, optionsPage, useClubE2e } from '../support/club-e2e';
import { painted, selectPassage } from '../support/page-text';

/**
 * The club's whole story in two browsers, the same against the real Community Solid Server and the Hypothesis
 * contract fake: Alice ties a passage to question 2 with a note and her card says Published; Bob sees it under
 * question 2 with her name and note, painted on his page; he may reply but not delete hers (no control, and a
 * forged request is refused); his reply reaches Alice's card; Alice writes two highlights while her service is
 * out of reach and they wait, queued, until "Try again now"; the service going away while a drain is out loses
 * nothing. Each test goes on from the one before, as the two readers would.
 */
const ALICE_PASSAGE = 'unifying the multiple streams of research';
const ALICE_NOTE = 'This is the heart of question 2: who trains the trainers?';
const BOB_PASSAGE = 'few available training programs';
const BOB_REPLY = 'Agreed — and the programs are few, as the next section says.';
const OFFLINE = ['a grand challenge in health services', 'the embryonic nature of the existing research'];
const OUTAGE = 'improved conceptual thinking about their role';
const NOT_YOURS = 'Only the member who wrote this annotation can change or delete it.';

/** The extension APIs as the panel frame sees them. */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const opened: Page[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.close()));
});

async function openArticle(browser: ClubBrowser, origin: string): Promise<{ page: Page; frame: Frame }> {
  const page = await browser.context.newPage();
  opened.push(page);
  await page.goto(`${origin}/demo-article.html`);
  const frame = await waitForPanelFrame(page, browser.extensionId);
  await frame.getByRole('button', { name: 'Tie my selection to question 2' }).waitFor({ timeout: 20_000 });
  await page.waitForTimeout(VISIBLE_FOR_MS + 200);
  return { page, frame };
}

const question = (frame: Frame, n: number) => frame.getByRole('region', { name: `Question ${n}`, exact: true });

/** A reader's highlight: keyboard selection, "Tie to question N" in the toolbar, then a note saved in the panel. */
async function tie(page: Page, frame: Frame, passage: string, n: number, note?: string): Promise<void> {
  const before = (await painted(page, `jc-q${n - 1}`)).length;
  await page.locator('h1').click();
  await selectPassage(page, passage);
  // Keys pressed on a loaded machine can land a character off: select again, as a reader would.
  await expect
    .poll(
      async () => {
        if ((await page.evaluate(() => getSelection()?.toString())) !== passage) {
          await page.locator('h1').click();
          await selectPassage(page, passage);
        }
        return page.evaluate(() => getSelection()?.toString());
      },
      { timeout: 20_000 },
    )
    .toBe(passage);
  await page.waitForTimeout(300);
  await page
    .getByRole('toolbar', { name: 'Highlight the selection' })
    .getByRole('button', { name: new RegExp(`^Tie to question ${n}`) })
    .click();
  await expect.poll(async () => (await painted(page, `jc-q${n - 1}`)).length, { timeout: 10_000 }).toBe(before + 1);
  if (note === undefined) return;
  const editor = frame.getByRole('textbox', { name: 'Note' });
  await editor.waitFor();
  await editor.fill(note);
  await frame.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => frame.getByText(note).count(), { timeout: 10_000 }).toBeGreaterThan(0);
}

/**
 * The states the reader's own cards show ("Published", "Queued", "Failed: … Retrying."), in the panel's order.
 * No Refresh is pressed: the background tells the open panel when a card's state changes (the choice recorded,
 * the outbox's answers), and the panel asks again by itself.
 */
function cardStates(frame: Frame): Promise<string[]> {
  return frame.locator('.hl-visibility__state').allTextContents();
}

/**
 * Refresh pressed, and its answer waited for. The background answers from its cache within a few seconds of the
 * last fetch (LAYER_FORCED_INTERVAL_MS), so a poll presses it again until the service's news arrive.
 */
async function refresh(frame: Frame): Promise<void> {
  const button = frame.getByRole('button', { name: 'Refresh', exact: true });
  if (!(await button.isVisible())) return;
  await button.click();
  await expect.poll(() => button.isVisible(), { timeout: 10_000 }).toBe(true);
}

/** How many club cards under question N quote the passage, after a Refresh. */
async function clubCards(frame: Frame, n: number, passage: string): Promise<number> {
  await refresh(frame);
  return question(frame, n).getByRole('article').filter({ hasText: passage }).count();
}

/** Alice's card as a member sees it under question 2. */
const aliceCard = (frame: Frame) =>
  question(frame, 2)
    .getByRole('article', { name: /^Highlight by .*alice/i })
    .filter({ hasText: ALICE_PASSAGE });

/**
 * Alice's profile offline, as Playwright's `setOffline` makes it: in Chromium it reaches the extension's service
 * worker too, whose fetches then fail as the reader's would (checked: the cards go to Queued/Failed). Returns the
 * way back online.
 */
async function goOffline(context: BrowserContext): Promise<() => Promise<void>> {
  await context.setOffline(true);
  return () => context.setOffline(false);
}

/** What the outbox still holds: waiting to be sent, or failed and to be tried again. */
async function waiting(browser: ClubBrowser): Promise<number> {
  const status = await clubStatus(browser);
  return status.queued + status.failed.reduce((sum, { count }) => sum + count, 0);
}

/** "Try again now" on the options page, as the reader presses it. */
async function tryAgainNow(browser: ClubBrowser): Promise<void> {
  const options = await optionsPage(browser);
  opened.push(options);
  const button = options.getByRole('button', { name: 'Try again now' });
  await button.waitFor({ timeout: 10_000 });
  await button.click();
}

/** The club view Bob's panel gets, asked from his panel frame with its own ticket (as the panel asks). */
function fromPanel(frame: Frame, request: Record<string, unknown>): Promise<unknown> {
  return frame.evaluate(
    (message) =>
      chrome.runtime.sendMessage({
        ...message,
        panelClaim: { ticket: location.hash.slice(1), ancestors: [...location.ancestorOrigins] },
      }),
    request,
  );
}

describe.each(['solid', 'hypothesis'] as ClubKind[])('the club story (%s)', (kind) => {
  const club = useClubE2e(kind);

  it('1. Alice ties a passage to question 2 with a note for "My club"; her card says Published', async () => {
    const { page, frame } = await openArticle(club.browsers.alice, club.origin);
    await tie(page, frame, ALICE_PASSAGE, 2, ALICE_NOTE);
    await expect.poll(() => cardStates(frame), { timeout: 30_000 }).toEqual(['✓ Published']);
    expect(await question(frame, 2).getByText('Visible to: my club').count()).toBe(1);
  });

  it('2. Bob sees it under question 2 with Alice’s name and note, painted on his page; he cannot delete it', async () => {
    const { page, frame } = await openArticle(club.browsers.bob, club.origin);
    const card = aliceCard(frame);
    await card.waitFor({ timeout: 20_000 });
    expect(await question(frame, 2).getByText('From the club', { exact: true }).count()).toBeGreaterThan(0);
    expect(await card.textContent()).toContain(ALICE_NOTE);
    // Club highlights are painted on a site once the reader highlighted there himself (page-trust.ts).
    await tie(page, frame, BOB_PASSAGE, 1);
    await expect.poll(() => painted(page, 'jc-club-q1'), { timeout: 20_000 }).toEqual([ALICE_PASSAGE]);

    // Hers, not his: no delete or edit control, and a forged deletion from his own panel is refused plainly.
    expect(await card.getByRole('button', { name: /^(Delete|Edit)/ }).count()).toBe(0);
    const remoteId = await card.getAttribute('data-remote-id');
    expect(remoteId).toBeTruthy();
    expect(await fromPanel(frame, { type: 'club-delete', remoteId })).toEqual({ ok: false, error: NOT_YOURS });
    await page.reload();
    const again = await waitForPanelFrame(page, club.browsers.bob.extensionId);
    await aliceCard(again).waitFor({ timeout: 20_000 });
    await expect.poll(() => painted(page, 'jc-club-q1'), { timeout: 20_000 }).toEqual([ALICE_PASSAGE]);
  });

  it('3. Bob replies; Alice sees the reply under her card after Refresh', async () => {
    const bob = await openArticle(club.browsers.bob, club.origin);
    const card = aliceCard(bob.frame);
    await card.waitFor({ timeout: 20_000 });
    await card
      .getByRole('button', { name: /^Reply to/ })
      .first()
      .click();
    await bob.frame.getByRole('textbox', { name: 'Your reply' }).fill(BOB_REPLY);
    await card.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => card.getByText(BOB_REPLY).count(), { timeout: 20_000 }).toBe(1);

    const alice = await openArticle(club.browsers.alice, club.origin);
    const refresh = alice.frame.getByRole('button', { name: 'Refresh' });
    await refresh.waitFor({ timeout: 20_000 });
    await refresh.click();
    const mine = question(alice.frame, 2);
    await expect.poll(() => mine.getByText(BOB_REPLY).count(), { timeout: 20_000 }).toBe(1);
    expect(await mine.getByText('One reply from the club').count()).toBe(1);
  });

  it('4. offline, Alice’s two new highlights wait, queued; back online, "Try again now" sends them and Bob sees both', async () => {
    const alice = club.browsers.alice;
    const { page, frame } = await openArticle(alice, club.origin);
    const restore = await goOffline(alice.context);
    try {
      await tie(page, frame, OFFLINE[0] as string, 3);
      await tie(page, frame, OFFLINE[1] as string, 3);
      await expect
        .poll(() => cardStates(frame), { timeout: 30_000 })
        .toEqual(['✓ Published', expect.stringMatching(/Queued|Failed/), expect.stringMatching(/Queued|Failed/)]);
      await expect.poll(async () => waiting(alice), { timeout: 20_000 }).toBe(2);
    } finally {
      await restore();
    }
    await tryAgainNow(alice);
    await expect.poll(() => cardStates(frame), { timeout: 30_000 }).toEqual(Array(3).fill('✓ Published'));

    const bob = await openArticle(club.browsers.bob, club.origin);
    for (const passage of OFFLINE) {
      await expect.poll(() => clubCards(bob.frame, 3, passage), { timeout: 30_000 }).toBe(1);
    }
  });

  it('5. the service goes away while a drain is out: nothing is lost, and it all publishes once it is back', async () => {
    const alice = club.browsers.alice;
    const base = club.solid?.baseUrl ?? club.hypothesis?.url ?? '';
    // Alice is offline while she highlights, so her highlight waits in the outbox…
    const { page, frame } = await openArticle(alice, club.origin);
    const restore = await goOffline(alice.context);
    try {
      await tie(page, frame, OUTAGE, 1);
      await expect.poll(async () => waiting(alice), { timeout: 20_000 }).toBe(1);
    } finally {
      await restore();
    }
    // …and the drain's reads are answered, but its write reaches a service that goes away before answering.
    let held = 0;
    const matcher = (url: URL) => url.href.startsWith(base);
    const dying = async (route: Route) => {
      if (route.request().method() === 'GET') return route.fallback();
      held++;
      await new Promise((resolve) => setTimeout(resolve, 500));
      await route.abort('connectionreset');
    };
    await alice.context.route(matcher, dying);
    try {
      await tryAgainNow(alice);
      await expect.poll(() => held, { timeout: 20_000 }).toBeGreaterThan(0);
      await expect.poll(async () => (await clubStatus(alice)).lastSync?.failed ?? 0, { timeout: 20_000 }).toBe(1);
      expect(await waiting(alice)).toBe(1);

      // Nothing lost: all of Alice's highlights are still hers, drawn on a fresh page.
      await page.reload();
      await waitForPanelFrame(page, alice.extensionId);
      await expect.poll(() => painted(page, 'jc-q1'), { timeout: 10_000 }).toEqual([ALICE_PASSAGE]);
      await expect.poll(async () => (await painted(page, 'jc-q2')).length, { timeout: 10_000 }).toBe(2);
      await expect.poll(() => painted(page, 'jc-q0'), { timeout: 10_000 }).toEqual([OUTAGE]);
    } finally {
      await alice.context.unroute(matcher, dying);
    }
    await tryAgainNow(alice);
    await expect.poll(async () => waiting(alice), { timeout: 30_000 }).toBe(0);
    const bob = await openArticle(club.browsers.bob, club.origin);
    await expect.poll(() => clubCards(bob.frame, 1, OUTAGE), { timeout: 30_000 }).toBe(1);
  });
});
