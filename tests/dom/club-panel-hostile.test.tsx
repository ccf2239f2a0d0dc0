import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../entrypoints/panel/style.css';
import '../../components/highlights.css';
import '../../components/club.css';
import { Announcer } from '../../components/Announcer';
import { ClubProvider } from '../../components/ClubContext';
import { HighlightsSection } from '../../components/HighlightsSection';
import { LAZY_STEP } from '../../components/LazyList';
import { buildThreads } from '../../utils/club/threads';
import type { ClubLayerView } from '../../utils/club/views';
import { annotation, fakeClient, layerView, NOW } from '../support/unit/club-panel-fixtures';
import { PAGE, QUESTIONS } from '../support/unit/highlights-harness';

const host = document.createElement('main');
document.body.append(host);
afterEach(() => render(null, host));

/** From the club layer's answer to every club card drawn, in real Chromium (layout and style included). */
async function drawTimed(view: ClubLayerView): Promise<number> {
  const started = performance.now();
  await act(async () => {
    render(
      <Announcer>
        <ClubProvider client={fakeClient(() => view)} locale="en" timeZone="UTC" now={() => NOW}>
          <HighlightsSection
            questions={QUESTIONS}
            highlights={[]}
            anchors={{}}
            pageUrl={PAGE}
            focus={null}
            onReveal={vi.fn()}
            onSaveNote={vi.fn(async () => null)}
            onRetie={vi.fn(async () => null)}
            onDelete={vi.fn(async () => ({ ok: false as const, error: 'no' }))}
            onRestore={vi.fn(async () => null)}
          />
        </ClubProvider>
      </Announcer>,
      host,
    );
  });
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  host.getBoundingClientRect();
  return performance.now() - started;
}

describe('a hostile or huge club layer in the panel (Chromium)', () => {
  it('10,000 highlights, 10,000 replies to one, a 1 MB note and a deep chain: drawn a step at a time, quickly', async () => {
    const listing = [
      ...Array.from({ length: 5_000 }, (_, i) =>
        annotation({ questionId: 'q1', quote: `passage ${i}`, note: `note ${i}` }),
      ),
    ];
    const target = annotation({ questionId: 'q2', quote: 'the popular one', note: 'x'.repeat(1_000_000) });
    listing.push(target);
    for (let i = 0; i < 4_000; i++)
      listing.push(annotation({ questionId: 'q2', replyTo: target.remoteId, note: `r${i}` }));
    let parent = target.remoteId;
    for (let i = 0; i < 999; i++) {
      const reply = annotation({ questionId: 'q2', replyTo: parent, note: `deep ${i}` });
      listing.push(reply);
      parent = reply.remoteId;
    }
    const threads = buildThreads(
      listing,
      new Map(),
      QUESTIONS.map((q) => q.id),
    );
    const elapsed = await drawTimed(layerView({ threads }));
    const cards = host.querySelectorAll('.club-card');
    // q1: 20 highlights; q2: the one, 20 of its replies, and the chain nested to the depth cap.
    expect(cards.length).toBeLessThan(3 * LAZY_STEP + 10);
    expect(host.querySelector('.club-note__text')?.textContent?.length).toBeLessThan(1_000);
    expect(elapsed).toBeLessThan(2_000);
    console.info(
      `club panel: ${listing.length} annotations drawn as ${cards.length} cards in ${elapsed.toFixed(0)} ms`,
    );
  });
});
