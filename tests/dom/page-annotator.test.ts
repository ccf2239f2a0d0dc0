import { afterEach, describe, expect, it } from 'vitest';
import { describe as describeRange } from '../../utils/anchoring';
import type { Highlight } from '../../utils/highlights/highlight';
import { createPageAnnotator, type Painter } from '../../utils/page/annotator';
import { createHtmlIntegration } from '../../utils/page/document/html';
import type { AnchorStatus } from '../../utils/protocol/tab-messages';
import { findPassage } from '../support/page-text';

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
  const range = findPassage(needle, root);
  if (!range) throw new Error(`no "${needle}"`);
  const described = describeRange(range, root);
  if (!described.ok) throw new Error(described.reason);
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
  const html = createHtmlIntegration(document, root);
  // Counts the passes over the page, which a new highlight must not cost.
  const passes = { anchorAll: 0, load: 0 };
  const integration = {
    ...html,
    anchorAll: ((items, options) => {
      passes.anchorAll++;
      return html.anchorAll(items, options);
    }) as typeof html.anchorAll,
  };
  const annotator = createPageAnnotator({
    integration,
    painter,
    load: async () => {
      passes.load++;
      return [...highlights];
    },
    report: (anchors) => reports.push(anchors),
    questionIndex: (id) => (id === 'q2' ? 1 : null),
    settleMs,
  });
  stop = () => annotator.destroy();
  return { annotator, painted, flashed, reports, passes };
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

  it('reports a highlight that now matches two places equally as ambiguous, and paints neither', async () => {
    root = document.createElement('main');
    root.innerHTML = ARTICLE;
    document.body.append(root);
    const highlight = highlightOf(root, 'direct service delivery', 'a', null);
    // Only the quote and its context are kept (no position), and the page now shows the sentence twice.
    highlight.target.selectors = [highlight.target.selectors[0]] as unknown as Highlight['target']['selectors'];
    root.innerHTML = ARTICLE + ARTICLE;
    const { annotator, painted, reports } = setUp([highlight]);
    await annotator.refresh();
    expect(reports).toEqual([{ a: 'ambiguous' }]);
    expect(painted.at(-1)).toEqual([]);
  });

  it('reports a passage found only by the fuzzy search as approximate, and paints it', async () => {
    root = document.createElement('main');
    root.innerHTML = ARTICLE;
    document.body.append(root);
    const highlight = highlightOf(root, 'not involved in direct service delivery or management', 'a', 'q2');
    // Another version of the article: one word differs inside the passage.
    root.innerHTML = ARTICLE.replace('direct service delivery', 'direct services delivery');
    const { annotator, painted, reports } = setUp([highlight]);
    await annotator.refresh();
    expect(reports).toEqual([{ a: 'approximate' }]);
    expect(painted.at(-1)).toEqual([
      { id: 'a', text: 'not involved in direct services delivery or management', questionIndex: 1 },
    ]);
  });

  it('reports a highlight found only by approximate matching as approximate, and paints it', async () => {
    root = document.createElement('main');
    root.innerHTML = ARTICLE;
    document.body.append(root);
    const highlight = highlightOf(root, 'They are not involved in direct service delivery', 'a', 'q2');
    // The same sentence as the article's PDF gives it: a word hyphenated at a line end, joined.
    root.innerHTML = ARTICLE.replace('involved in direct', 'involved indirect');
    const { annotator, painted, reports } = setUp([highlight]);
    await annotator.refresh();
    expect(reports).toEqual([{ a: 'approximate' }]);
    expect(painted.at(-1)?.map((p) => p.id)).toEqual(['a']);
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

describe('a highlight the reader has just saved', () => {
  function rangeOf(needle: string): Range {
    const text = [...root.querySelectorAll('p')].map((p) => p.firstChild as Text).find((t) => t.data.includes(needle));
    if (!text) throw new Error(`no "${needle}"`);
    const range = document.createRange();
    range.setStart(text, text.data.indexOf(needle));
    range.setEnd(text, text.data.indexOf(needle) + needle.length);
    return range;
  }

  it('is drawn from the range the page holds and reported found, without loading or anchoring again', async () => {
    root = document.createElement('main');
    root.innerHTML = ARTICLE;
    document.body.append(root);
    const existing = highlightOf(root, 'evidence', 'a', null);
    const { annotator, painted, reports, passes } = setUp([existing]);
    await annotator.refresh();
    expect(passes).toEqual({ anchorAll: 1, load: 1 });

    annotator.add({ id: 'b', questionId: 'q2' }, rangeOf('direct service delivery'));
    expect(passes).toEqual({ anchorAll: 1, load: 1 });
    expect(painted.at(-1)).toEqual([
      { id: 'a', text: 'evidence', questionIndex: null },
      { id: 'b', text: 'direct service delivery', questionIndex: 1 },
    ]);
    expect(reports.at(-1)).toEqual({ a: 'anchored', b: 'anchored' });
    expect(annotator.rangeOf('b')?.toString()).toBe('direct service delivery');
    expect(annotator.reveal('b')).toBe(true);
  });

  it('stays drawn through a pass that loaded the highlights before it was saved', async () => {
    root = document.createElement('main');
    root.innerHTML = ARTICLE;
    document.body.append(root);
    const { annotator, painted, reports } = setUp([highlightOf(root, 'evidence', 'a', null)]);
    await annotator.refresh();
    const stale = annotator.refresh();
    annotator.add({ id: 'b', questionId: null }, rangeOf('direct service delivery'));
    await stale;
    expect(painted.at(-1)?.map((item) => item.id)).toEqual(['a', 'b']);
    expect(reports.at(-1)).toEqual({ a: 'anchored', b: 'anchored' });
  });

  it('goes when a pass that loaded after it no longer lists it (deleted from the panel)', async () => {
    root = document.createElement('main');
    root.innerHTML = ARTICLE;
    document.body.append(root);
    const { annotator, painted, reports } = setUp([highlightOf(root, 'evidence', 'a', null)]);
    await annotator.refresh();
    annotator.add({ id: 'b', questionId: null }, rangeOf('direct service delivery'));
    await annotator.refresh();
    expect(painted.at(-1)?.map((item) => item.id)).toEqual(['a']);
    expect(reports.at(-1)).toEqual({ a: 'anchored' });
  });
});
