import { afterEach, describe, expect, it } from 'vitest';
import { describe as describeRange } from '../../utils/anchoring';
import { MAX_PAINTED_CLUB_HIGHLIGHTS, paintOrder } from '../../utils/club/paint-order';
import type { ClubPageHighlight } from '../../utils/club/views';
import { startClubHighlights } from '../../utils/page/club-layer/club-highlights';
import type { ClubPaintItem } from '../../utils/page/club-layer/club-painter';
import { createHtmlIntegration } from '../../utils/page/document/html';
import { createHighlightPainter } from '../../utils/page/highlighter/painter';
import { findPassage } from '../support/page-text';

const ARTICLE =
  '<p>Implementation support practitioners help others use evidence.</p>' +
  '<p>They are not involved in direct service delivery or management.</p>';
let root: HTMLElement;
const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  root?.remove();
});

function mount(html = ARTICLE): HTMLElement {
  root = document.createElement('article');
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

function clubHighlight(needle: string, remoteId: string, questionId: string | null): ClubPageHighlight {
  const range = findPassage(needle, root);
  if (!range) throw new Error(`no "${needle}"`);
  const described = describeRange(range, root);
  if (!described.ok) throw new Error(described.reason);
  return { remoteId, questionId, selectors: described.selectors };
}

/** Starts the club layer over the mounted article with these answers to `club-page-layer`, one per load. */
function start(answers: (ClubPageHighlight[] | null)[]) {
  const drawn: (readonly ClubPaintItem[])[] = [];
  let loads = 0;
  const club = startClubHighlights({
    integration: createHtmlIntegration(document, root),
    load: async () => {
      loads++;
      return answers.shift() ?? null;
    },
    questionIndex: (questionId) => (questionId === null ? null : Number(questionId.slice(1)) - 1),
    onDrawn: (items) => drawn.push(items),
  });
  stops.push(() => club.destroy());
  return { club, drawn, loads: () => loads };
}

const ranges = (name: string) => {
  const highlight = CSS.highlights.get(name);
  return highlight ? [...highlight].map((range) => (range as Range).toString()) : [];
};

describe('the club’s highlights on the page', () => {
  it('are painted in the club style of their question, apart from the reader’s own', async () => {
    mount();
    const own = createHighlightPainter(document);
    stops.push(() => own.destroy());
    const mine = findPassage('direct service delivery', root) as Range;
    own.paint([{ id: 'mine', questionIndex: 1, range: mine }]);
    const { club, drawn } = start([[clubHighlight('help others use evidence', 'r1', 'q2')]]);
    await club.refresh();
    expect(ranges('jc-club-q1')).toEqual(['help others use evidence']);
    expect(ranges('jc-q1')).toEqual(['direct service delivery']);
    expect(CSS.highlights.get('jc-club-q1')?.priority).toBeLessThan(CSS.highlights.get('jc-q1')?.priority ?? 0);
    expect(drawn.at(-1)?.map((item) => item.remoteId)).toEqual(['r1']);
    // The club style is lighter than the reader's: a thinner line under the passage.
    const sheet = [...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n');
    expect(sheet).toMatch(/::highlight\(jc-club-q1\)[^}]*1px/);
  });

  it('clears only its own paint when the club layer empties (the setting switched off)', async () => {
    mount();
    const own = createHighlightPainter(document);
    stops.push(() => own.destroy());
    own.paint([{ id: 'mine', questionIndex: 0, range: findPassage('Implementation support', root) as Range }]);
    const { club } = start([[clubHighlight('help others use evidence', 'r1', 'q1')], []]);
    await club.refresh();
    expect(ranges('jc-club-q0')).toEqual(['help others use evidence']);
    await club.refresh();
    expect(CSS.highlights.has('jc-club-q0')).toBe(false);
    expect(ranges('jc-q0')).toEqual(['Implementation support']);
  });

  it('answers a click on a club highlight with its remote id, and nothing elsewhere', async () => {
    mount();
    const { club } = start([[clubHighlight('help others use evidence', 'r-click', null)]]);
    await club.refresh();
    const box = (findPassage('others use', root) as Range).getBoundingClientRect();
    expect(club.highlightAt(box.left + 2, box.top + box.height / 2)).toBe('r-click');
    const other = (findPassage('management', root) as Range).getBoundingClientRect();
    expect(club.highlightAt(other.left + 2, other.top + other.height / 2)).toBeNull();
  });

  it('does not anchor again an answer that draws the same', async () => {
    mount();
    const same = [clubHighlight('help others use evidence', 'r1', 'q1')];
    const { club, drawn } = start([same, [...same]]);
    await club.refresh();
    await club.refresh();
    expect(drawn).toHaveLength(1);
  });

  it('paints at most the first 1,000 by position of 10,000 matching everywhere, without freezing the page', async () => {
    mount(`<p>${'the club reads the paper. '.repeat(2_000)}</p>`);
    const hostile: ClubPageHighlight[] = Array.from({ length: 10_000 }, (_, index) => ({
      remoteId: `r${index}`,
      questionId: 'q1',
      // 'the' is everywhere; each place is named five times over, the service's list in no order.
      selectors: [
        { type: 'TextQuoteSelector', exact: 'the', prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 26 * ((index * 7) % 2_000), end: 26 * ((index * 7) % 2_000) + 3 },
      ],
    }));
    const { club, drawn } = start([hostile]);
    // Chromium reports every main-thread task over 50 ms; scheduler.yield (the anchoring's) outranks timers.
    let longest = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
    });
    observer.observe({ type: 'longtask' });
    await club.refresh();
    await new Promise((resolve) => setTimeout(resolve, 50));
    observer.disconnect();
    const painted = drawn.at(-1) ?? [];
    expect(painted).toHaveLength(MAX_PAINTED_CLUB_HIGHLIGHTS);
    // The 1,000 kept are those that start first in the article: the first 200 places, five times each.
    const starts = new Set(painted.map((item) => (Number(item.remoteId.slice(1)) * 7) % 2_000));
    expect(Math.max(...starts)).toBe(199);
    expect(painted.every((item) => item.range.toString() === 'the')).toBe(true);
    expect(longest).toBeLessThan(200);
  });
});

describe('paint order', () => {
  const at = (remoteId: string, start?: number): ClubPageHighlight => ({
    remoteId,
    questionId: null,
    selectors: [
      { type: 'TextQuoteSelector' as const, exact: 'x', prefix: '', suffix: '' },
      ...(start === undefined ? [] : [{ type: 'TextPositionSelector' as const, start, end: start + 1 }]),
    ],
  });

  it('puts positioned highlights first by where they start, then the others in the service’s order, capped', () => {
    const order = paintOrder([at('late', 900), at('none-a'), at('early', 5), at('none-b'), at('mid', 50)], 4);
    expect(order.map((item) => item.remoteId)).toEqual(['early', 'mid', 'late', 'none-a']);
  });
});
