import type { ClubDraft } from '../../../utils/club/backend';
import type { HypothesisConfig } from '../../../utils/club/hypothesis';
import { type HypothesisFake, startHypothesisFake } from '../hypothesis-fake';

/**
 * A club on the Hypothesis contract fake: Alice and Bob are members of the private group `club1`, Carol is not,
 * Dan has no display name. Each test starts its own fake, so no state leaks between them.
 */
export const CLUB = 'club1';
export const TOKENS = { alice: 'token-alice', bob: 'token-bob', carol: 'token-carol', dan: 'token-dan' };

export function startClubFake(): Promise<HypothesisFake> {
  return startHypothesisFake({
    users: [
      { username: 'alice', token: TOKENS.alice, displayName: 'Alice Martin' },
      { username: 'bob', token: TOKENS.bob, displayName: 'Bob Durand' },
      { username: 'carol', token: TOKENS.carol, displayName: 'Carol Outsider' },
      { username: 'dan', token: TOKENS.dan },
    ],
    groups: [
      { id: CLUB, name: 'Thursday journal club', members: ['alice', 'bob', 'dan'] },
      { id: 'other', name: 'Carol’s lab', members: ['carol'] },
    ],
  });
}

export const configFor = (fake: Pick<HypothesisFake, 'url'>, token: string, group = CLUB): HypothesisConfig => ({
  kind: 'hypothesis',
  service: fake.url,
  token,
  group,
});

export const ARTICLE = { doi: '10.5555/club.1', entryId: 'entry-2026-03' };

/** A highlight of Alice's tied to question q2, as the outbox would hand it over. */
export function highlightDraft(overrides: Partial<ClubDraft> = {}): ClubDraft {
  return {
    article: { ...ARTICLE, title: 'A trial of reading together', pageUrl: 'https://publisher.example/article/1' },
    localId: '7b0f4a52-3f4e-4c55-9a51-0c5c3c1a2b10',
    question: { id: 'q2', text: 'Was the sample size\n justified?' },
    note: 'The power calculation is in the supplement.',
    selectors: [
      { type: 'TextQuoteSelector', exact: 'ninety participants', prefix: 'we enrolled ', suffix: ' across' },
      { type: 'TextPositionSelector', start: 120, end: 139 },
    ],
    ...overrides,
  };
}

/** A Hypothesis annotation body as the official client would post it, for seeding the fake directly. */
export function seededBody(index: number, pageUrl = 'https://publisher.example/article/1') {
  return {
    uri: pageUrl,
    document: { title: ['A trial'], highwire: { doi: [ARTICLE.doi] }, link: [{ href: `doi:${ARTICLE.doi}` }] },
    text: `Note ${index}`,
    tags: [],
    group: CLUB,
    permissions: { read: [`group:${CLUB}`] },
    target: [{ source: pageUrl, selector: [{ type: 'TextQuoteSelector', exact: `passage ${index}` }] }],
  };
}
