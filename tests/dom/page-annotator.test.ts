import { afterEach, describe, expect, it } from 'vitest';
import { describe as describeRange } from '../../utils/anchoring';
import type { Highlight } from '../../utils/highlights/highlight';
import { createPageAnnotator, type Painter } from '../../utils/page/annotator';
import type { AnchorStatus } from '../../utils/protocol/tab-messages';

/** A painter that records what it was asked to draw; the annotator's decisions are the subject here. */
function recordingPainter() {
  const painted: { id: string; text: string; questionIndex: number | null }[][] = [];
  const flashed: string[] = [];
  const painter: Painter = {
    paint: (items) =>
      painted.push(items.map((i) => ({ id: i.id, text: i.range.toString(), questionIndex: i.questionIndex }))),
    flash: (id) => flashed.push(id),
    highlightAt: () => null,
    destroy: () => {},
  };
  return { painter, painted, flashed };
}

function highlightOf(root: HTMLElement, needle: string, id: string, questionId: string | null): Highlight {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent?.indexOf(needle) ?? -1;
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + needle.length);
    const described = describeRange(range, root);
    if (!described.ok) throw new Error(described.message);
    return {
      id,
      doi: '10.1000/demo',
      entryId: 'demo',
      questionId,
      note: '',
      target: { source: 'https://example.org/a', selectors: described.selectors },
      createdAt: '2026-11-27T10:00:00.000Z',
      updatedAt: '2026-11-27T10:00:00.000Z',
    };
  }
  throw new Error(`no "${needle}"`);
}

const ARTICLE =
  '<p>Implementation support practitioners help others use evidence.</p><p>They are not involved in direct service delivery or management.</p>';
let root: HTMLElement;
let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  root?.remove();
});

function setUp(highlights: Highlight[], settleMs?: number) {
  const { painter, painted, flashed } = recordingPainter();
  const reports: Record<string, AnchorStatus>[] = [];
  const annotator = createPageAnnotator({
    root,
    painter,
    load: async () => highlights,
    report: (anchors) => reports.push(anchors),
    questionIndex: (id) => (id === 'q2' ? 1 : null),
    settleMs,
  });
  stop = () => annotator.destroy();
  return { annotator, painted, flashed, reports };
}

describe('keeping highlights drawn on the page', () => {
  it('anchors, paints with the question’s colour index, and reports what it found', async () => {
    root = document.createElement('main');
    root.innerHTML = ARTICLE;
    document.body.append(root);
    const highlight = highlightOf(root, 'direct service delivery', 'a', 'q2');
    const { annotator, painted, reports } = setUp([highlight]);
    await annotator.refresh();
    expect(painted.at(-1)).toEqual([{ id: 'a', text: 'direct service delivery', questionIndex: 1 }]);
    expect(reports).toEqual([{ a: 'anchored' }]);
  });

  it('reports an empty page once, so the panel stops waiting', async () => {
    root = document.createElement('main');
    root.innerHTML = ARTICLE;
    document.body.append(root);
    const { annotator, reports } = setUp([]);
    await annotator.refresh();
    await annotator.refresh();
    expect(reports).toEqual([{}]);
  });

  it('re-anchors when late text arrives (a lazy section), turning an orphan into a drawn highlight', async () => {
    root = document.createElement('main');
    root.innerHTML = ARTICLE;
    document.body.append(root);
    const highlight = highlightOf(root, 'direct service delivery', 'a', null);
    root.innerHTML = '<p>Loading…</p>';
    const { annotator, painted, reports } = setUp([highlight]);
    await annotator.refresh();
    expect(reports).toEqual([{ a: 'orphan' }]);
    root.innerHTML = ARTICLE;
    await expect.poll(() => reports.at(-1), { timeout: 3_000 }).toEqual({ a: 'anchored' });
    expect(painted.at(-1)?.[0]?.text).toBe('direct service delivery');
  });

  it('stops watching once the page has settled: what is still missing stays an orphan', async () => {
    root = document.createElement('main');
    root.innerHTML = ARTICLE;
    document.body.append(root);
    const highlight = highlightOf(root, 'direct service delivery', 'a', null);
    root.innerHTML = '<p>Loading…</p>';
    const { annotator, reports } = setUp([highlight], 50);
    await annotator.refresh();
    await new Promise((resolve) => setTimeout(resolve, 100));
    root.innerHTML = ARTICLE;
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(reports).toEqual([{ a: 'orphan' }]);
  });

  it('reveals a drawn highlight by flashing it, and refuses one that is not on the page', async () => {
    root = document.createElement('main');
    root.innerHTML = ARTICLE;
    document.body.append(root);
    const { annotator, flashed } = setUp([highlightOf(root, 'evidence', 'a', null)]);
    await annotator.refresh();
    expect(annotator.reveal('a')).toBe(true);
    expect(annotator.reveal('missing')).toBe(false);
    expect(flashed).toEqual(['a']);
  });
});
