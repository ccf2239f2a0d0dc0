import axe from 'axe-core';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../entrypoints/panel/style.css';
import '../../components/highlights.css';
import '../../components/sharing.css';
import '../../components/club.css';
import { Announcer } from '../../components/Announcer';
import { ClubProvider } from '../../components/ClubContext';
import { ClubRefresh } from '../../components/ClubRefresh';
import { ClubOtherThreads } from '../../components/ClubThreads';
import { HighlightsSection } from '../../components/HighlightsSection';
import type { ClubLayerView } from '../../utils/club/views';
import { mountSelectionToolbar } from '../../utils/page/toolbar/toolbar';
import { annotation, fakeClient, layerView, NOW, node } from '../support/unit/club-panel-fixtures';
import { at, PAGE, QUESTIONS } from '../support/unit/highlights-harness';

const host = document.createElement('main');
document.body.append(host);
document.documentElement.lang = 'en';
afterEach(() => render(null, host));

async function serious(root: Element | ShadowRoot = host): Promise<string[]> {
  const results = await axe.run(root as Element);
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const shared = at(10, 'q1', 'my shared passage', { note: 'Mine.' });
const privateOne = at(80, 'q2', 'my private passage');
const bob = annotation({ quote: 'implementation support', note: 'Bob’s <b>view</b>', questionId: 'q1' });
const carol = annotation({ replyTo: bob.remoteId, author: { id: 'c', name: 'Carol' }, note: 'Why?' });
const mine = annotation({ replyTo: carol.remoteId, mine: true, author: { id: 'a', name: 'Alice' }, note: 'Because.' });
const many = Array.from({ length: 45 }, (_, i) => node(annotation({ questionId: 'q2', quote: `passage ${i}` })));

function view(more: Partial<ClubLayerView> = {}): ClubLayerView {
  return layerView({
    newCount: 4,
    failure: 'The club’s service could not be reached. You may be offline; nothing is lost.',
    threads: {
      questions: [
        { questionId: 'q1', threads: [node(bob, [node(carol, [node(mine)])])] },
        { questionId: 'q2', threads: many },
        { questionId: null, threads: [node(annotation({ questionId: null, quote: 'untied', note: 'x'.repeat(900) }))] },
      ],
      onMine: { [shared.id]: [node(annotation({ replyTo: 'r', author: { id: 'e', name: 'Erin' }, note: 'Nice.' }))] },
      total: 50,
      unthreaded: 0,
    },
    shares: {
      [shared.id]: { visibility: 'club', state: 'failed', reason: 'The token was refused.', retrying: false },
    },
    ...more,
  });
}

async function draw(layer: ClubLayerView) {
  await act(async () => {
    render(
      <Announcer>
        <ClubProvider client={fakeClient(() => layer)} locale="en" timeZone="UTC" now={() => NOW}>
          <ClubRefresh />
          <HighlightsSection
            questions={QUESTIONS}
            highlights={[shared, privateOne]}
            anchors={{ [shared.id]: 'anchored', [privateOne.id]: 'anchored' }}
            pageUrl={PAGE}
            focus={null}
            onReveal={vi.fn()}
            onSaveNote={vi.fn(async () => null)}
            onRetie={vi.fn(async () => null)}
            onDelete={vi.fn(async () => ({ ok: false as const, error: 'no' }))}
            onRestore={vi.fn(async () => null)}
          />
          <ClubOtherThreads questionIds={QUESTIONS.map((q) => q.id)} />
        </ClubProvider>
      </Announcer>,
      host,
    );
  });
  await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
}

const click = async (name: string) => {
  const button = [...host.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name,
  );
  if (!button) throw new Error(`no button ${name}`);
  await act(async () => button.click());
};

describe('the club in the panel (axe-core, in Chromium)', () => {
  it('has no serious or critical violations: threads, replies, visibility states, lazy list, status', async () => {
    await draw(view());
    expect(host.querySelectorAll('.club-card').length).toBeGreaterThan(20);
    expect(host.textContent).toContain('Failed: The token was refused.');
    expect(await serious()).toEqual([]);
  });

  it('has none with the reply form and a delete confirmation open', async () => {
    await draw(view());
    await click('Reply to “implementation support”');
    await click('Delete the reply by Alice');
    expect(host.querySelector('textarea')).not.toBeNull();
    expect(host.textContent).toContain('Delete this from the club?');
    expect(await serious()).toEqual([]);
  });

  it('has none when not connected (one hint, no controls)', async () => {
    await draw(layerView({ connected: false, me: null }));
    expect(host.querySelectorAll('.hl-visibility')).toHaveLength(0);
    expect(await serious()).toEqual([]);
  });
});

describe('the selection toolbar says who a new highlight is for', () => {
  it.each([
    ['club', 'New highlights: my club'],
    ['only-me', 'New highlights: only me'],
    [null, null],
  ] as const)('%s → %s, with no serious axe violation', async (visibility, said) => {
    const toolbar = mountSelectionToolbar(document, {
      questions: QUESTIONS.map((q, i) => ({ id: q.id, number: i + 1, text: q.text })),
      onTie: () => undefined,
      onDismiss: () => undefined,
    });
    try {
      toolbar.setVisibility(visibility);
      toolbar.show(DOMRectReadOnly.fromRect({ x: 100, y: 200, width: 80, height: 16 }));
      const shadow = toolbar.host.shadowRoot as ShadowRoot;
      const line = shadow.querySelector('.visibility');
      expect(line?.textContent?.replace(/^\S+\s/, '') ?? null).toBe(said);
      const bar = shadow.querySelector('[role="toolbar"]') as HTMLElement;
      expect(bar.getAttribute('aria-describedby') ?? null).toBe(said === null ? null : 'visibility');
      expect(await serious(toolbar.host)).toEqual([]);
    } finally {
      toolbar.destroy();
    }
  });
});
