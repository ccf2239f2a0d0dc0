import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NOTE_SHOWN_CHARS } from '../../components/ClubNote';
import { LAZY_STEP } from '../../components/LazyList';
import type { ClubLayerView } from '../../utils/club/views';
import { annotation, fakeClient, layerView, mountClub, node, settled } from '../support/unit/club-panel-fixtures';
import { all, at, button, cardOf, click, container, text, unmount } from '../support/unit/highlights-harness';

afterEach(unmount);

const region = (n: number) => container.querySelector<HTMLElement>(`.q-section[data-question="${n}"]`) as HTMLElement;
const clubCards = (root: ParentNode = container) => all<HTMLElement>('.club-threads > li > .club-card', root);
const type = (textarea: HTMLTextAreaElement, value: string) =>
  act(() => {
    textarea.value = value;
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  });

describe('the club under each question', () => {
  it('lists the club’s highlights after the reader’s own, with name, time, quote, note and nested replies', async () => {
    const bob = annotation({ quote: 'brokers span boundaries', note: 'Is this **new**?' });
    const carol = annotation({ replyTo: bob.remoteId, author: { id: 'c', name: 'Carol' }, note: 'No, see 2009.' });
    const dave = annotation({ replyTo: carol.remoteId, author: { id: 'd', name: 'Dave' }, note: 'Agreed.' });
    const view = layerView({
      threads: {
        questions: [{ questionId: 'q2', threads: [node(bob, [node(carol, [node(dave)])])] }],
        onMine: {},
        total: 3,
        unthreaded: 0,
      },
    });
    const client = fakeClient(() => view);
    await mountClub(client, [at(10, 'q2', 'my own passage')]);

    expect(client.layer).toHaveBeenCalledWith(true);
    const section = region(2);
    expect(text(section.querySelector('.q-count'))).toBe('▾1 mine · 1 club');
    // Own cards first, then the club's.
    const order = all('[data-highlight-id], .club-card', section).map((element) => element.className.split(' ')[0]);
    expect(order).toEqual(['hl-card', 'club-card', 'club-card', 'club-card']);
    const [card] = clubCards(section);
    expect(text(card?.querySelector('.hl-card__meta'))).toBe('Bob · 1 hour ago');
    expect(card?.querySelector('time')?.getAttribute('title')).toBe('Friday, 27 November 2026 at 14:05');
    expect(text(card?.querySelector('.club-card__quote'))).toContain('brokers span boundaries');
    expect(text(card?.querySelector('.club-note__text'))).toBe('Is this **new**?');
    const carolCard = card?.querySelector('.club-replies > li > .club-card') as HTMLElement;
    expect(text(carolCard.querySelector('.club-card__author'))).toBe('Carol');
    expect(text(carolCard.querySelector('.club-replies .club-card__author'))).toBe('Dave');
    // Folding the question folds the club's too.
    await click(section.querySelector('.q-count') as HTMLButtonElement);
    expect((section.querySelector('.club-list') as HTMLElement).hidden).toBe(true);
  });

  it('shows a member’s text as text: markup stays letters, nothing is added to the panel', async () => {
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const view = layerView({
      threads: {
        questions: [
          {
            questionId: 'q1',
            threads: [
              node(annotation({ questionId: 'q1', quote: hostile, note: hostile, author: { id: 'x', name: hostile } })),
            ],
          },
        ],
        onMine: {},
        total: 1,
        unthreaded: 0,
      },
    });
    await mountClub(fakeClient(() => view));
    expect(container.querySelector('img, script')).toBeNull();
    expect(text(container.querySelector('.club-note__text'))).toBe(hostile);
    expect(text(container.querySelector('.club-card__author'))).toBe(hostile);
  });

  it('offers edit and delete only on the reader’s own club annotations, reply on everyone’s', async () => {
    const bob = annotation({ quote: 'theirs', note: 'Bob’s' });
    const mine = annotation({ replyTo: bob.remoteId, mine: true, author: { id: 'a', name: 'Alice' }, note: 'mine' });
    const view = layerView({
      threads: {
        questions: [{ questionId: 'q2', threads: [node(bob, [node(mine)])] }],
        onMine: {},
        total: 2,
        unthreaded: 0,
      },
    });
    await mountClub(fakeClient(() => view));
    const [bobCard] = clubCards();
    const ownActions = (card: Element) =>
      all<HTMLButtonElement>(':scope > .club-actions button', card).map((b) => text(b));
    expect(ownActions(bobCard as HTMLElement)).toEqual(['Reply']);
    const mineCard = bobCard?.querySelector('.club-replies .club-card') as HTMLElement;
    expect(ownActions(mineCard)).toEqual(['Reply', 'Edit', 'Delete']);
    expect(text(mineCard.querySelector('.hl-card__meta'))).toContain('you');
  });

  it('sends a reply from a small form, refuses an empty one, and keeps the text when the service refuses', async () => {
    const bob = annotation({ quote: 'a passage' });
    let view = layerView({
      threads: { questions: [{ questionId: 'q2', threads: [node(bob)] }], onMine: {}, total: 1, unthreaded: 0 },
    });
    const client = fakeClient(() => view);
    await mountClub(client);
    await click(button(container, 'Reply to “a passage”'));
    const textarea = container.querySelector('.club-actions textarea') as HTMLTextAreaElement;
    expect(text(container.querySelector('.club-actions label'))).toContain('Your reply');
    await type(textarea, '   ');
    await click(button(container, 'Save'));
    expect(client.reply).not.toHaveBeenCalled();
    expect(text(container.querySelector('.club-actions [role="alert"]'))).toBe('Write something first.');

    client.reply.mockResolvedValueOnce({ ok: false, error: 'The club’s service could not be reached.' } as never);
    await type(textarea, 'I read it differently.');
    await click(button(container, 'Save'));
    expect(text(container.querySelector('.club-actions [role="alert"]'))).toBe(
      'The club’s service could not be reached.',
    );
    expect((container.querySelector('.club-actions textarea') as HTMLTextAreaElement).value).toBe(
      'I read it differently.',
    );

    const reply = annotation({
      replyTo: bob.remoteId,
      mine: true,
      note: 'I read it differently.',
      author: { id: 'a', name: 'Alice' },
    });
    view = {
      ...view,
      threads: { ...view.threads, questions: [{ questionId: 'q2', threads: [node(bob, [node(reply)])] }] },
    };
    await click(button(container, 'Save'));
    expect(client.reply).toHaveBeenLastCalledWith(bob.remoteId, 'I read it differently.');
    expect(container.querySelector('.club-actions textarea')).toBeNull();
    expect(text(container.querySelector('.club-replies .club-note__text'))).toBe('I read it differently.');
    expect(text(container.querySelector('[aria-live="polite"]'))).toBe('Reply sent to the club.');
  });

  it('edits the reader’s own annotation, and deletes it only after a guarded confirmation', async () => {
    const own = annotation({ quote: 'my old one', mine: true, note: 'first thought' });
    const view = layerView({
      threads: { questions: [{ questionId: 'q2', threads: [node(own)] }], onMine: {}, total: 1, unthreaded: 0 },
    });
    const client = fakeClient(() => view);
    await mountClub(client);
    await click(button(container, 'Edit “my old one”'));
    const textarea = container.querySelector('.club-actions textarea') as HTMLTextAreaElement;
    expect(textarea.value).toBe('first thought');
    await type(textarea, 'second thought');
    await click(button(container, 'Save'));
    expect(client.edit).toHaveBeenCalledWith(own.remoteId, 'second thought');

    await click(button(container, 'Delete “my old one”'));
    expect(client.remove).not.toHaveBeenCalled();
    const confirm = button(container, 'Delete from the club');
    expect(confirm.hasAttribute('data-guarded')).toBe(true);
    await click(button(container, 'Keep it'));
    expect(client.remove).not.toHaveBeenCalled();
    await click(button(container, 'Delete “my old one”'));
    await click(button(container, 'Delete from the club'));
    expect(client.remove).toHaveBeenCalledWith(own.remoteId);
  });

  it('asks the page to show a club highlight when its quote is clicked', async () => {
    const bob = annotation({ quote: 'show me' });
    const client = fakeClient(() =>
      layerView({
        threads: { questions: [{ questionId: 'q2', threads: [node(bob)] }], onMine: {}, total: 1, unthreaded: 0 },
      }),
    );
    await mountClub(client);
    await click(container.querySelector('.club-card__quote') as HTMLButtonElement);
    expect(client.reveal).toHaveBeenCalledWith(bob.remoteId);
  });

  it('lists untied club highlights, and those of questions the catalog dropped, after the questions', async () => {
    const threads = [
      { questionId: 'q1', threads: [node(annotation({ questionId: 'q1', quote: 'tied' }))] },
      { questionId: 'gone', threads: [node(annotation({ questionId: 'gone', quote: 'old question' }))] },
      { questionId: null, threads: [node(annotation({ questionId: null, quote: 'untied' }))] },
    ];
    const { ClubOtherThreads } = await import('../../components/ClubThreads');
    const { render } = await import('preact');
    const { ClubProvider } = await import('../../components/ClubContext');
    await act(async () => {
      render(
        <ClubProvider
          client={fakeClient(() => layerView({ threads: { questions: threads, onMine: {}, total: 3, unthreaded: 0 } }))}
        >
          <ClubOtherThreads questionIds={['q1', 'q2']} />
        </ClubProvider>,
        container,
      );
    });
    await settled();
    expect(text(container.querySelector('h2'))).toBe('From the club, not tied to a question');
    expect(all('.club-card__quote').map((b) => text(b)?.replace('Show in article: ', ''))).toEqual([
      'old question',
      'untied',
    ]);
  });
});

describe('the club and the reader’s own cards', () => {
  const mine = at(10, 'q1', 'my shared passage');
  const withShare = (share: ClubLayerView['shares'][string] | null, more: Partial<ClubLayerView> = {}) =>
    layerView({ shares: share ? { [mine.id]: share } : {}, ...more });

  it.each([
    [{ visibility: 'club', state: 'queued' } as const, 'Visible to: my club', 'true', '⏳ Queued'],
    [{ visibility: 'club', state: 'published' } as const, 'Visible to: my club', 'true', '✓ Published'],
    [
      { visibility: 'club', state: 'failed', reason: 'The token was refused.', retrying: false } as const,
      'Visible to: my club',
      'true',
      '⚠ Failed: The token was refused.',
    ],
    [
      { visibility: 'club', state: 'failed', reason: 'Offline.', retrying: true } as const,
      'Visible to: my club',
      'true',
      '⚠ Failed: Offline. Retrying.',
    ],
    [{ visibility: 'only-me', state: 'queued' } as const, 'Visible to: only me', 'false', '⏳ Queued'],
    [null, 'Visible to: only me', 'false', undefined],
  ])('shows %j as “%s”, pressed %s, state %s', async (share, who, pressed, state) => {
    await mountClub(
      fakeClient(() => withShare(share)),
      [mine],
    );
    const card = cardOf(mine) as HTMLElement;
    expect(text(card.querySelector('.hl-visibility__who'))).toBe(who);
    expect(button(card, 'Share with my club: “my shared passage”').getAttribute('aria-pressed')).toBe(pressed);
    expect(text(card.querySelector('.hl-visibility__state'))).toBe(state);
  });

  it('switches visibility with a guarded toggle, and announces the new state', async () => {
    const client = fakeClient(() => withShare(null));
    await mountClub(client, [mine]);
    const toggle = button(cardOf(mine) as HTMLElement, 'Share with my club: “my shared passage”');
    expect(toggle.hasAttribute('data-guarded')).toBe(true);
    await click(toggle);
    expect(client.visibility).toHaveBeenCalledWith(mine.id, 'club');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(text(container.querySelector('[aria-live="polite"]'))).toBe(
      '“my shared passage”: Visible to: my club — Queued',
    );
    await click(toggle);
    expect(client.visibility).toHaveBeenLastCalledWith(mine.id, 'only-me');
    expect(text(container.querySelector('[aria-live="polite"]'))).toBe('“my shared passage”: Visible to: only me');
  });

  it('announces a state that a refresh brought (queued, then published), not the states the panel opened with', async () => {
    let share: ClubLayerView['shares'][string] = { visibility: 'club', state: 'queued' };
    await mountClub(
      fakeClient(() => withShare(share)),
      [mine],
    );
    const live = () => text(container.querySelector('[aria-live="polite"]'));
    expect(live()).toBe('');
    share = { visibility: 'club', state: 'published' };
    await click(button(container, 'Refresh'));
    await settled();
    expect(live()).toBe('“my shared passage”: Visible to: my club — Published');
    expect(text((cardOf(mine) as HTMLElement).querySelector('.hl-visibility__state'))).toBe('✓ Published');
  });

  it('shows no control when not connected, and one hint for the whole panel', async () => {
    const { ClubRefresh } = await import('../../components/ClubRefresh');
    const { render } = await import('preact');
    const { ClubProvider } = await import('../../components/ClubContext');
    await mountClub(
      fakeClient(() => layerView({ connected: false, me: null })),
      [mine, at(40, 'q2', 'another')],
    );
    expect(container.querySelector('.hl-visibility')).toBeNull();
    await act(async () => {
      render(
        <ClubProvider client={fakeClient(() => layerView({ connected: false }))}>
          <ClubRefresh />
        </ClubProvider>,
        container,
      );
    });
    await settled();
    expect(all('.club-status').map((p) => text(p))).toEqual([
      'Connect to a club on the options page to share your highlights and see your club’s.',
    ]);
  });

  it('shows the members’ replies to a shared highlight under its card', async () => {
    const reply = annotation({ replyTo: 'r-mine', author: { id: 'e', name: 'Erin' }, note: 'Nice find.' });
    await mountClub(
      fakeClient(() =>
        withShare(
          { visibility: 'club', state: 'published' },
          { threads: { questions: [], onMine: { [mine.id]: [node(reply)] }, total: 2, unthreaded: 0 } },
        ),
      ),
      [mine],
    );
    const card = cardOf(mine) as HTMLElement;
    expect(text(card.querySelector('.club-list__heading'))).toBe('One reply from the club');
    expect(text(card.querySelector('.club-replies .club-card__author'))).toBe('Erin');
    expect(text(card.querySelector('.club-replies .club-note__text'))).toBe('Nice find.');
  });
});

describe('a club too big for the panel', () => {
  it('draws 10,000 highlights on one question a step at a time', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => node(annotation({ quote: `passage ${i}` })));
    const view = layerView({
      threads: { questions: [{ questionId: 'q2', threads: many }], onMine: {}, total: 10_000, unthreaded: 0 },
    });
    const started = performance.now();
    await mountClub(fakeClient(() => view));
    const elapsed = performance.now() - started;
    expect(clubCards()).toHaveLength(LAZY_STEP);
    expect(elapsed).toBeLessThan(1_000);
    expect(text(region(2).querySelector('.q-count'))).toBe('▾0 mine · 10000 club');
    const more = button(container, /^Show 20 more/);
    expect(text(more)).toBe('Show 20 more (9980 not shown yet)');
    await click(more);
    expect(clubCards()).toHaveLength(2 * LAZY_STEP);
    expect(document.activeElement).toBe(clubCards()[LAZY_STEP]);
  });

  it('shows and focuses a club annotation asked for (clicked on the page), however far down its list or thread', async () => {
    const many = Array.from({ length: 100 }, (_, i) => annotation({ quote: `passage ${i}` }));
    const target = many[57] as (typeof many)[number];
    const replies = Array.from({ length: 30 }, (_, i) => annotation({ replyTo: target.remoteId, note: `reply ${i}` }));
    const deep = replies[25] as (typeof replies)[number];
    const threads = many.map((a) => node(a, a === target ? replies.map((r) => node(r)) : []));
    const view = layerView({
      threads: { questions: [{ questionId: 'q2', threads }], onMine: {}, total: 130, unthreaded: 0 },
    });
    await mountClub(
      fakeClient(() => view),
      [],
      { remoteId: deep.remoteId, seq: 1 },
    );
    await settled();
    expect(clubCards()).toHaveLength(3 * LAZY_STEP);
    const focused = document.activeElement as HTMLElement;
    expect(focused.dataset.remoteId).toBe(deep.remoteId);
    expect(text(focused.querySelector('.club-note__text'))).toBe('reply 25');
  });

  it('cuts a 1 MB note until “Show all”', async () => {
    const huge = `${'word '.repeat(200_000)}END`;
    const view = layerView({
      threads: {
        questions: [{ questionId: 'q2', threads: [node(annotation({ quote: 'q', note: huge }))] }],
        onMine: {},
        total: 1,
        unthreaded: 0,
      },
    });
    await mountClub(fakeClient(() => view));
    const note = container.querySelector('.club-note__text') as HTMLElement;
    expect(note.textContent?.length).toBe(NOTE_SHOWN_CHARS + 1);
    await click(button(container, 'Show the whole note'));
    expect(note.textContent).toBe(huge);
  });
});

describe('refreshing the club layer', () => {
  it('asks when opened, then every 3 minutes while the panel is visible, and says why a fetch failed', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const { ClubRefresh } = await import('../../components/ClubRefresh');
      const { render } = await import('preact');
      const { ClubProvider } = await import('../../components/ClubContext');
      let view = layerView({ newCount: 3 });
      const client = fakeClient(() => view);
      const NOW = Date.parse('2026-11-27T15:05:00.000Z');
      await act(async () => {
        render(
          <ClubProvider client={client} locale="en-GB" timeZone="UTC" now={() => NOW}>
            <ClubRefresh />
          </ClubProvider>,
          container,
        );
      });
      await settled();
      expect(client.layer.mock.calls).toEqual([[true]]);
      expect(text(container.querySelector('.club-status__line span'))).toBe('Club highlights updated 5 minutes ago');
      expect(text(container.querySelector('.club-status__new'))).toBe('3 new from the club since your last visit.');

      view = layerView({ failure: 'The token was refused — paste a new one on the options page (Your club).' });
      await act(async () => {
        vi.advanceTimersByTime(3 * 60_000);
        for (let i = 0; i < 5; i++) await Promise.resolve();
      });
      expect(client.layer.mock.calls).toEqual([[true], [false]]);
      expect(text(container.querySelector('.club-status__problem'))).toContain('paste a new one on the options page');

      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      await act(async () => {
        vi.advanceTimersByTime(3 * 60_000);
      });
      expect(client.layer).toHaveBeenCalledTimes(2);
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });

      await click(button(container, 'Refresh'));
      expect(client.layer.mock.calls.at(-1)).toEqual([true]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('“Show the club’s highlights” in the panel', () => {
  const box = () =>
    all('.club-status__paint label')
      .find((label) => text(label) === 'Show the club’s highlights')
      ?.querySelector('input') as HTMLInputElement;

  it('reads the setting, switches it for every article, and puts it back when the background refuses', async () => {
    const client = fakeClient(() => layerView());
    await mountClub(client);
    await settled();
    expect(client.highlightsShown).toHaveBeenCalledWith();
    expect(box().checked).toBe(true);
    await click(box());
    await settled();
    expect(client.highlightsShown).toHaveBeenLastCalledWith(false);
    expect(box().checked).toBe(false);
    client.highlightsShown.mockImplementationOnce(async () => ({ ok: false as const, error: 'Storage is full.' }));
    await click(box());
    await settled();
    expect(client.highlightsShown).toHaveBeenLastCalledWith(true);
    expect(box().checked).toBe(false);
    expect(text(container.querySelector('.club-status .panel__error'))).toBe('Storage is full.');
  });
});

describe('“Include the club’s highlights” in the digest', () => {
  it('is offered only when connected, and asks for the club’s part only when ticked', async () => {
    const { ExportTools } = await import('../../components/ExportTools');
    const { render } = await import('preact');
    const { ClubProvider } = await import('../../components/ClubContext');
    const exportFile = vi.fn(async () => ({
      ok: true as const,
      value: { fileName: 'x.md', mimeType: 'text/markdown', text: 'digest' },
    }));
    const tools = (connected: boolean) =>
      act(async () => {
        render(
          <ClubProvider client={fakeClient(() => layerView({ connected }))}>
            <ExportTools
              exportFile={exportFile}
              shareAll={vi.fn()}
              backup={vi.fn()}
              importFile={vi.fn()}
              settings={null}
              changeSettings={vi.fn()}
              copy={vi.fn(async () => true)}
              download={vi.fn()}
              language="en"
            />
          </ClubProvider>,
          container,
        );
      });
    await tools(false);
    await settled();
    expect(container.querySelector('input[type="checkbox"]')).toBeNull();
    await tools(true);
    await settled();
    const box = container.querySelector('input[type="checkbox"]') as HTMLInputElement;
    expect(text(box.closest('label'))).toBe('Include the club’s highlights (names, notes and replies) in the Markdown');
    await click(button(container, 'Download Markdown'));
    expect(exportFile).toHaveBeenLastCalledWith('markdown');
    await act(() => {
      box.checked = true;
      box.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click(button(container, 'Download Markdown'));
    expect(exportFile).toHaveBeenLastCalledWith('markdown', { includeClub: true });
    await click(button(container, /Web Annotations/));
    expect(exportFile).toHaveBeenLastCalledWith('jsonld');
  });
});
