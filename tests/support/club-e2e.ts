import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createPodSession } from '../../utils/club/solid/pod-session';
import { setupClub } from '../../utils/club/solid/setup-club';
import type { ClubStatus } from '../../utils/club/views';
import { launchWithExtension } from './browser.mjs';
import { type FeedServer, startFeedServer, subscribeToFeed } from './feeds';
import { type HypothesisFake, startHypothesisFake } from './hypothesis-fake';
import { startFixtureServer } from './server.mjs';
import { type SolidServer, startSolidServer } from './solid/solid-server';
import { TEST_FEED } from './test-catalog.mjs';

/**
 * A journal club across two browsers, for the club's e2e tests: the fixture pages, the test catalog feed, the
 * club's service (the real Community Solid Server with an owner and Alice and Bob as members of a club set up
 * with the owner's ACLs, or the Hypothesis contract fake with Alice and Bob in one private group), and one
 * Chromium profile each for Alice and Bob with the production build, subscribed to the feed and connected to the
 * club through the options page, as a reader connects.
 */
export type ClubKind = 'solid' | 'hypothesis';
export type MemberName = 'alice' | 'bob';
export type ClubBrowser = Awaited<ReturnType<typeof launchWithExtension>>;

export interface ClubE2e {
  kind: ClubKind;
  /** The fixture pages' origin (the demo article is the bundled catalog entry's). */
  origin: string;
  feeds: FeedServer;
  solid: SolidServer | null;
  hypothesis: HypothesisFake | null;
  /** The club's container in the owner's pod (Solid only). */
  clubContainer: string | null;
  browsers: Record<MemberName, ClubBrowser>;
  close(): Promise<void>;
}

export const HYPOTHESIS_GROUP = { id: 'jc-e2e', name: 'Thursday journal club' };
const TOKENS: Record<MemberName, string> = { alice: 'e2e-token-alice', bob: 'e2e-token-bob' };
const NAMES: Record<MemberName, string> = { alice: 'Alice Martin', bob: 'Bob Durand' };

/** The extension APIs as an extension page sees them (Chromium's promise-returning `chrome`). */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

export interface ClubE2eOptions {
  /** Alice's and Bob's choice for new highlights when they connect (default: Alice "My club", Bob "Only me"). */
  visibility?: Partial<Record<MemberName, 'only-me' | 'club'>>;
  /** More members of the club (accounts in the group, or pods with a part of the club), with no browser. */
  extraMembers?: readonly string[];
  /** Whether each profile subscribes to the test feed (default: yes). */
  subscribe?: boolean;
  /** Members who organise the club: group moderators on Hypothesis, writers of the pod's `catalog/` on Solid. */
  organisers?: readonly MemberName[];
}

export async function startClubE2e(kind: ClubKind, options: ClubE2eOptions = {}): Promise<ClubE2e> {
  const closers: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) await closer().catch(() => undefined);
  };
  try {
    const fixtures = await startFixtureServer();
    closers.push(fixtures.close);
    const feeds = await startFeedServer();
    closers.push(feeds.close);
    feeds.json('/test-feed.json', TEST_FEED);
    const extra = options.extraMembers ?? [];
    const organisers = options.organisers ?? [];
    const service =
      kind === 'solid' ? await solidClub(extra, true, organisers) : await hypothesisClub(extra, organisers);
    closers.push(service.stop);
    const browsers = {} as Record<MemberName, ClubBrowser>;
    for (const name of ['alice', 'bob'] as const) {
      const browser = await launchWithExtension();
      closers.push(() => browser.close());
      // The launcher stops every request that is not to 127.0.0.1; the Solid server must be `localhost`.
      if (service.solid) {
        const base = service.solid.baseUrl;
        await browser.context.route(
          (url) => url.href.startsWith(base),
          (route) => route.continue(),
        );
      }
      if (options.subscribe !== false) {
        await subscribeToFeed(browser.context, browser.extensionId, `${feeds.origin}/test-feed.json`);
      }
      const visibility = options.visibility?.[name] ?? (name === 'alice' ? 'club' : 'only-me');
      await connectThroughOptions(browser, kind, service, name, visibility);
      browsers[name] = browser;
    }
    return {
      kind,
      origin: fixtures.origin,
      feeds,
      solid: service.solid,
      hypothesis: service.hypothesis,
      clubContainer: service.clubContainer,
      browsers,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** For a test file: the club started once before its tests (servers start slowly) and closed after them. */
export function useClubE2e(kind: ClubKind, options: ClubE2eOptions = {}): ClubE2e {
  const club = {} as ClubE2e;
  beforeAll(async () => {
    Object.assign(club, await startClubE2e(kind, options));
  }, 180_000);
  afterAll(async () => {
    await club.close?.();
  });
  return club;
}

export interface ClubService {
  solid: SolidServer | null;
  hypothesis: HypothesisFake | null;
  clubContainer: string | null;
  stop(): Promise<unknown>;
}

/** The real Solid server: the owner sets the club up (ACLs) for Alice and Bob, as `setupClub` documents. */
export async function solidClub(
  extra: readonly string[] = [],
  withBrowsers = true,
  organisers: readonly string[] = [],
): Promise<ClubService> {
  const members = [...(withBrowsers ? ['alice', 'bob'] : []), ...extra];
  const solid = await startSolidServer(['owner', ...members]);
  const owner = solid.accounts.owner as SolidServer['accounts'][string];
  const clubContainer = `${owner.pod}journal-club/e2e/`;
  const session = createPodSession({ issuer: solid.baseUrl, ...owner, clubContainer });
  const webIds = members.map((name) => solid.accounts[name]?.webId as string);
  const organiserIds = organisers.map((name) => solid.accounts[name]?.webId as string);
  const set = await setupClub(session, clubContainer, webIds, organiserIds);
  if (!set.ok) {
    await solid.stop();
    throw new Error(`setting up the club failed: ${JSON.stringify(set)}`);
  }
  return { solid, hypothesis: null, clubContainer, stop: () => solid.stop() };
}

/** An extra member's token on the Hypothesis fake. */
export const tokenOf = (name: string) => TOKENS[name as MemberName] ?? `e2e-token-${name}`;

export async function hypothesisClub(
  extra: readonly string[] = [],
  organisers: readonly string[] = [],
): Promise<ClubService> {
  const hypothesis = await startHypothesisFake({
    users: [
      ...(['alice', 'bob'] as const).map((name) => ({ username: name, token: TOKENS[name], displayName: NAMES[name] })),
      ...extra.map((name) => ({ username: name, token: tokenOf(name), displayName: name })),
    ],
    groups: [
      {
        ...HYPOTHESIS_GROUP,
        members: ['alice', 'bob', ...extra],
        roles: Object.fromEntries(organisers.map((name) => [name, ['moderator']])),
      },
    ],
  });
  return { solid: null, hypothesis, clubContainer: null, stop: () => hypothesis.close() };
}

/**
 * Connects a profile as a reader does on the options page: the form filled and submitted, the group picked (for
 * Hypothesis), "Only me" or "My club" chosen for new highlights. The site permission is already granted by the
 * build's host permissions, so the browser asks nothing.
 */
async function connectThroughOptions(
  browser: ClubBrowser,
  kind: ClubKind,
  service: ClubService,
  name: MemberName,
  visibility: 'only-me' | 'club',
): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const section = page.getByRole('region', { name: 'Your club' });
  const choice = visibility === 'club' ? 'My club' : 'Only me';
  if (kind === 'hypothesis' && service.hypothesis) {
    await section.getByLabel('Service address').fill(service.hypothesis.url);
    await section.getByLabel('Developer token').fill(TOKENS[name]);
    await section.getByRole('button', { name: 'Connect', exact: true }).click();
    await section.getByRole('radio', { name: HYPOTHESIS_GROUP.name }).check();
    await section.getByRole('radio', { name: choice }).check();
    await section.getByRole('button', { name: `Use ${HYPOTHESIS_GROUP.name}` }).click();
  } else if (service.solid && service.clubContainer) {
    const account = service.solid.accounts[name];
    if (!account) throw new Error(`no Solid account for ${name}`);
    await section.getByRole('radio', { name: 'A Solid pod' }).check();
    await section.getByLabel('Club container address').fill(service.clubContainer);
    await section.getByLabel('Your Solid server (identity provider)').fill(service.solid.baseUrl);
    await section.getByLabel('Client id').fill(account.clientId);
    await section.getByLabel('Client secret').fill(account.clientSecret);
    await section.getByRole('radio', { name: choice }).check();
    await section.getByRole('button', { name: 'Connect', exact: true }).click();
  }
  await section.locator('p.club__connected').waitFor({ timeout: 30_000 });
  await page.close();
}

/** The club status as the options page reads it (what waits to be sent, the last sync). */
export async function clubStatus(browser: ClubBrowser): Promise<ClubStatus> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const reply = (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'club-status' }))) as {
      ok: boolean;
      value: ClubStatus;
    };
    if (!reply.ok) throw new Error('club-status refused');
    return reply.value;
  } finally {
    await page.close();
  }
}

/**
 * Waits until the profile's outbox has sent everything it holds. A shared highlight is recorded in the outbox
 * before its request is answered, so, called after the highlight is drawn, this returns once it was published.
 */
export async function untilPublished(browser: ClubBrowser, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await clubStatus(browser);
    if (status.queued === 0 && status.failed.length === 0) return;
    if (Date.now() > deadline) throw new Error(`not published: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The options page of a profile, open on "Your club" (for the setting's checkbox). */
export async function optionsPage(browser: ClubBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  return page;
}
