// @vitest-environment node
// Real `fetch` against the contract fake: happy-dom's own fetch would stand in for the one under test.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClubBackend } from '../../utils/club/backend';
import { createHypothesisBackend, listGroups } from '../../utils/club/hypothesis';
import type { HypothesisFake } from '../support/hypothesis-fake';
import { ARTICLE, CLUB, configFor, highlightDraft, startClubFake, TOKENS } from '../support/unit/hypothesis-club';

let fake: HypothesisFake;
let alice: ClubBackend;
let bob: ClubBackend;

beforeEach(async () => {
  fake = await startClubFake();
  alice = createHypothesisBackend(configFor(fake, TOKENS.alice));
  bob = createHypothesisBackend(configFor(fake, TOKENS.bob));
});

afterEach(async () => {
  await fake.close();
  // Every request the backend sent and every reply the fake gave matched h's published API description.
  expect(fake.violations).toEqual([]);
});

const published = async (backend: ClubBackend, draft = highlightDraft()) => {
  const result = await backend.publish(draft);
  if (!result.ok) throw new Error(`publish failed: ${result.code}`);
  return result.value.remoteId;
};

describe('connecting to a Hypothesis group', () => {
  it('says who the reader is, by display name, else by user name', async () => {
    expect(await alice.whoAmI()).toEqual({ ok: true, value: { id: 'acct:alice@hypothes.is', name: 'Alice Martin' } });
    const dan = createHypothesisBackend(configFor(fake, TOKENS.dan));
    expect(await dan.whoAmI()).toEqual({ ok: true, value: { id: 'acct:dan@hypothes.is', name: 'dan' } });
  });

  it('lists the reader’s groups, saying which ones anyone can read', async () => {
    const groups = await listGroups({ service: fake.url, token: TOKENS.alice });
    expect(groups).toEqual({
      ok: true,
      value: [
        { id: '__world__', name: 'Public', readableByAnyone: true },
        { id: CLUB, name: 'Thursday journal club', readableByAnyone: false },
      ],
    });
  });

  it('sends the token in the Authorization header only, to the configured service', async () => {
    await alice.whoAmI();
    const [request] = fake.requests;
    expect(request?.path).toBe('/api/profile');
    expect([...(request?.query.keys() ?? [])]).toEqual([]);
  });
});

describe('publishing and reading a club highlight', () => {
  it('publishes a tied highlight that another member lists with its author, note and question', async () => {
    const remoteId = await published(alice);
    const stored = fake.store.annotations.get(remoteId);
    expect(stored?.text).toBe('The power calculation is in the supplement.\n\n❓ Was the sample size justified?');
    expect(stored?.tags).toEqual(['jc:entry:entry-2026-03', 'jc:question:q2']);
    expect(stored?.permissions.read).toEqual([`group:${CLUB}`]);
    expect(stored?.target[0]?.selector).toEqual(highlightDraft().selectors);

    const listing = await bob.list(ARTICLE);
    expect(listing.ok && listing.value.annotations).toEqual([
      {
        remoteId,
        author: { id: 'acct:alice@hypothes.is', name: 'Alice Martin' },
        mine: false,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        updatedAt: expect.any(String),
        questionId: 'q2',
        note: 'The power calculation is in the supplement.',
        selectors: highlightDraft().selectors,
        replyTo: null,
      },
    ]);
    const own = await alice.list(ARTICLE);
    expect(own.ok && own.value.annotations[0]?.mine).toBe(true);
  });

  it('finds a highlight made on another copy of the article through the DOI', async () => {
    await published(
      alice,
      highlightDraft({ article: { ...highlightDraft().article, pageUrl: 'https://pmc.example/1' } }),
    );
    const listing = await bob.list(ARTICLE);
    expect(listing.ok && listing.value.annotations).toHaveLength(1);
    const search = fake.requests.find((request) => request.path === '/api/search');
    expect(search?.query.get('uri')).toBe(`doi:${ARTICLE.doi}`);
    expect(search?.query.get('group')).toBe(CLUB);
  });

  it('keeps an untied highlight’s note whole, and an empty note with a question empty', async () => {
    await published(alice, highlightDraft({ question: null, note: 'Untied.\n\n❓ Not a question line of ours' }));
    await published(alice, highlightDraft({ note: '' }));
    const listing = await bob.list(ARTICLE);
    const notes = listing.ok ? listing.value.annotations.map((a) => [a.questionId, a.note]) : [];
    expect(notes).toEqual([
      [null, 'Untied.\n\n❓ Not a question line of ours'],
      ['q2', ''],
    ]);
  });

  it('threads a reply through references, and both members read it back', async () => {
    const parent = await published(alice);
    const reply = await bob.publish(
      highlightDraft({ selectors: undefined, question: null, note: 'Agreed.', replyTo: parent, localId: undefined }),
    );
    expect(reply.ok).toBe(true);
    const listing = await alice.list(ARTICLE);
    const replies = listing.ok ? listing.value.annotations.filter((a) => a.replyTo === parent) : [];
    expect(replies).toEqual([
      expect.objectContaining({ note: 'Agreed.', author: { id: 'acct:bob@hypothes.is', name: 'Bob Durand' } }),
    ]);
    expect(replies[0]?.selectors).toEqual([]);
  });
});

describe('editing and deleting', () => {
  it('edits the reader’s own note and question', async () => {
    const remoteId = await published(alice);
    const edited = highlightDraft({ note: 'Now I doubt it.', question: { id: 'q3', text: 'Is it generalisable?' } });
    expect(await alice.update(remoteId, edited)).toEqual({ ok: true, value: undefined });
    const listing = await bob.list(ARTICLE);
    const [annotation] = listing.ok ? listing.value.annotations : [];
    expect([annotation?.note, annotation?.questionId]).toEqual(['Now I doubt it.', 'q3']);
  });

  it('deletes the reader’s own, and a second delete counts as done', async () => {
    const remoteId = await published(alice);
    expect(await alice.remove(remoteId, ARTICLE)).toEqual({ ok: true, value: undefined });
    expect(fake.store.annotations.has(remoteId)).toBe(false);
    expect(await alice.remove(remoteId, ARTICLE)).toEqual({ ok: true, value: undefined });
  });

  it('refuses to edit or delete another member’s, though h words that refusal as a 404', async () => {
    const remoteId = await published(alice);
    expect(await bob.update(remoteId, highlightDraft({ note: 'Hijacked' }))).toEqual({ ok: false, code: 'forbidden' });
    expect(await bob.remove(remoteId, ARTICLE)).toEqual({ ok: false, code: 'forbidden' });
    expect(fake.store.annotations.get(remoteId)?.text).toContain('The power calculation');
    // Nothing but the ownership check reached the service: no PATCH or DELETE of Alice's was even tried.
    expect(fake.requests.filter((request) => ['PATCH', 'DELETE'].includes(request.method))).toEqual([]);
  });

  it('reports editing an annotation that is gone as not found', async () => {
    expect(await alice.update('no-such-id', highlightDraft())).toEqual({ ok: false, code: 'not-found' });
  });
});

describe('group permissions', () => {
  it('shows a non-member nothing of the group, and refuses their posts in it', async () => {
    await published(alice);
    const carol = createHypothesisBackend(configFor(fake, TOKENS.carol));
    expect(await carol.list(ARTICLE)).toEqual({ ok: true, value: { annotations: [], requests: 2 } });
    expect(await carol.publish(highlightDraft())).toEqual({ ok: false, code: 'forbidden' });
  });

  it('does not show another group’s annotations on the same article', async () => {
    const carol = createHypothesisBackend(configFor(fake, TOKENS.carol, 'other'));
    await published(carol);
    expect(await bob.list(ARTICLE)).toEqual({ ok: true, value: { annotations: [], requests: 2 } });
  });
});
