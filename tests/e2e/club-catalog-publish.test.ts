import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../utils/catalog/schema';
import { waitForPanelFrame } from '../support/browser.mjs';
import { type ClubBrowser, type ClubKind, useClubE2e } from '../support/club-e2e';

/**
 * "Publish to the club" across two browsers, on the real Community Solid Server and on the Hypothesis contract
 * fake: Alice organises the club (she may write the pod's catalog/; she moderates the group), Bob is a member,
 * and neither subscribes to any feed. Alice publishes an entry for an
 * article no catalog has; Bob's extension reads the club's catalog and shows the panel on that article; Alice
 * withdraws it and Bob loses it, in the tab he has open too. The steps go on from one another.
 *
 * Alice's entry is saved to her "My club" as the authoring page saves it (that page has its own story), then
 * published and withdrawn with the options page's buttons. Bob's reading of the club's catalog is the feeds
 * alarm's refresh, asked for now rather than in six hours.
 */
const DOI = '10.5555/not-in-any-catalog.2024.001';
const QUESTION = 'Would this work in our own organisation?';
const ENTRY: CatalogEntry = {
  id: 'club-published-2024',
  dois: [DOI],
  title: 'An article no catalog has',
  authors: ['Author A'],
  citation: 'Author A (2024) An article no catalog has.',
  year: 2024,
  articleUrls: [],
  club: { name: 'Thursday journal club', url: 'https://club.example/' },
  postUrl: 'https://club.example/posts/club-published-2024',
  summary: 'Published to the club from the extension.',
  commentary: 'No feed hosting needed.',
  questions: [{ id: 'q1', text: QUESTION }],
};

/** The extension APIs as an extension page sees them. */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const opened: Page[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.close()));
});

/** One request from the profile's options page, as its components send it. */
async function fromOptions(
  browser: ClubBrowser,
  message: unknown,
): Promise<{ ok: boolean; value?: unknown; error?: string }> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    return (await page.evaluate((body) => chrome.runtime.sendMessage(body), message)) as { ok: boolean };
  } finally {
    await page.close();
  }
}

/** The options page, and Alice's entry in its My club list. */
async function myClubEntry(browser: ClubBrowser) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const entry = page
    .getByRole('region', { name: 'My club' })
    .getByRole('listitem')
    .filter({ hasText: ENTRY.title as string });
  await entry.waitFor();
  return { page, entry };
}

const hasPanel = (page: Page, browser: ClubBrowser) =>
  waitForPanelFrame(page, browser.extensionId, 1_000).then(
    () => true,
    () => false,
  );

describe.each<ClubKind>(['solid', 'hypothesis'])('publishing an entry to a club (%s)', { timeout: 120_000 }, (kind) => {
  const club = useClubE2e(kind, { subscribe: false, organisers: ['alice'] });
  let bobsTab: Page;

  it('1. Alice, an organiser, publishes her entry into the club’s catalog from My club', async () => {
    const alice = club.browsers.alice;
    const saved = await fromOptions(alice, { type: 'my-club-save', entry: ENTRY, replaces: null, draftKey: null });
    expect(saved).toMatchObject({ ok: true });
    const options = await myClubEntry(alice);
    await options.entry.getByRole('button', { name: 'Publish to the club' }).click();
    await options.entry.getByText(/^Published in .*’s catalog: members’ extensions show it\.$/).waitFor();
    await options.page.close();
  });

  it('2. Bob, subscribed to no feed, sees the panel with the club’s question on the article', async () => {
    const bob = club.browsers.bob;
    // The feeds alarm's refresh, now rather than in six hours.
    expect(await fromOptions(bob, { type: 'club-suggestions', refresh: true })).toMatchObject({ ok: true });
    const feeds = (await fromOptions(bob, { type: 'feeds' })) as { value: { feeds: unknown[] } };
    expect(feeds.value.feeds).toEqual([]);
    bobsTab = await bob.context.newPage();
    opened.push(bobsTab);
    await bobsTab.goto(`${club.origin}/other-article.html`);
    const frame = await waitForPanelFrame(bobsTab, bob.extensionId, 20_000);
    await frame.getByText(QUESTION).waitFor({ timeout: 20_000 });
    opened.splice(opened.indexOf(bobsTab), 1);
  });

  it('3. Alice withdraws it: Bob’s open tab loses the panel, and the article has none any more', async () => {
    const bob = club.browsers.bob;
    const options = await myClubEntry(club.browsers.alice);
    await options.entry.getByRole('button', { name: 'Withdraw from the club' }).click();
    await options.entry.getByText(/^Not published in /).waitFor();
    await options.page.close();
    expect(await fromOptions(bob, { type: 'club-suggestions', refresh: true })).toMatchObject({ ok: true });
    await expect.poll(() => hasPanel(bobsTab, bob), { timeout: 20_000 }).toBe(false);
    opened.push(bobsTab);
    const fresh = await bob.context.newPage();
    opened.push(fresh);
    await fresh.goto(`${club.origin}/other-article.html`);
    await fresh.waitForTimeout(1_500);
    expect(await hasPanel(fresh, bob)).toBe(false);
  });

  it('4. every request to the Hypothesis fake matched h’s API description', () => {
    expect(club.hypothesis?.violations ?? []).toEqual([]);
  });
});
