import { describe, expect, it } from 'vitest';
import { mapKeyAction } from '../../utils/page/highlight-map/keys';
import { shortQuote } from '../../utils/page/highlight-map/labels';
import { layoutMap, type MapEntry } from '../../utils/page/highlight-map/layout';
import { clusterTarget, stepTarget } from '../../utils/page/highlight-map/stepping';

const GEOMETRY = { markPx: 12, bucketPx: 26 };
const at = (...tops: number[]): MapEntry[] => tops.map((top, i) => ({ id: `h${i}`, questionIndex: 0, top }));

describe('layoutMap: the bucket bar for one scroll position', () => {
  it.each([
    [
      'all in view, apart',
      at(100, 300),
      0,
      {
        above: 0,
        below: 2,
        marks: [
          [94, 0, 1],
          [294, 1, 2],
        ],
      },
    ],
    [
      'closer than a mark: one mark of two',
      at(100, 105, 300),
      0,
      {
        above: 0,
        below: 3,
        marks: [
          [94, 0, 2],
          [294, 2, 3],
        ],
      },
    ],
    [
      'above and below the view go to the buckets',
      at(100, 1000, 2000),
      900,
      { above: 1, below: 2, marks: [[94, 1, 2]] },
    ],
    ['near the top: kept below the up bucket', at(903), 900, { above: 0, below: 1, marks: [[26, 0, 1]] }],
    [
      'near the bottom: kept above the down bucket, and merged there',
      at(1495, 1499),
      900,
      { above: 0, below: 2, marks: [[562, 0, 2]] },
    ],
    ['none', at(), 0, { above: 0, below: 0, marks: [] }],
  ])('%s', (_name, entries, viewTop, expected) => {
    const layout = layoutMap(entries, viewTop, 600, GEOMETRY);
    expect({
      above: layout.above,
      below: layout.below,
      marks: layout.marks.map((mark) => [mark.top, mark.from, mark.to]),
    }).toEqual(expected);
  });
});

describe('stepTarget: where next and previous go', () => {
  const entries = at(100, 700, 1300, 1900);
  it.each([
    ['next from the reading position: the first in view counts', 'next', null, 650, 1],
    ['previous from the reading position: the last above the view', 'previous', null, 650, 0],
    ['next from the current one, still in view', 'next', 1, 650, 2],
    ['previous from the current one', 'previous', 2, 1000, 1],
    ['the current one scrolled away: from the reading position', 'next', 0, 1250, 2],
    ['no wrap past the last', 'next', 3, 1700, null],
    ['no wrap before the first', 'previous', 0, 0, null],
    ['first', 'first', 2, 1000, 0],
    ['last', 'last', null, 0, 3],
  ] as const)('%s', (_name, direction, current, viewTop, expected) => {
    expect(stepTarget(entries, direction, { current, viewTop, viewHeight: 600 })).toBe(expected);
  });

  it('nothing to step to without highlights', () => {
    expect(stepTarget([], 'first', { current: null, viewTop: 0, viewHeight: 600 })).toBeNull();
  });

  it('a cluster walks on from the current highlight, then back to its first', () => {
    expect([null, 4, 5, 6, 9].map((current) => clusterTarget(4, 7, current))).toEqual([4, 5, 6, 4, 4]);
  });
});

describe('mapKeyAction: the keys inside the map', () => {
  const key = (k: string, more: Partial<KeyboardEvent> = {}) => ({
    key: k,
    ctrlKey: false,
    altKey: false,
    metaKey: false,
    ...more,
  });
  it.each([
    ['ArrowDown', null, { type: 'step', direction: 'next' }],
    ['ArrowUp', null, { type: 'step', direction: 'previous' }],
    ['Home', null, { type: 'step', direction: 'first' }],
    ['End', null, { type: 'step', direction: 'last' }],
    ['2', null, { type: 'filter', question: 2 }],
    ['2', 2, { type: 'filter', question: null }],
    ['0', 2, { type: 'filter', question: null }],
    ['Escape', 2, { type: 'filter', question: null }],
    ['Escape', null, null],
    ['4', null, null],
    ['a', null, null],
  ] as const)('%s (filter %s)', (k, filter, expected) => {
    expect(mapKeyAction(key(k), filter, 3)).toEqual(expected);
  });

  it('leaves keys with Ctrl, Alt or Meta to the browser', () => {
    for (const modifier of ['ctrlKey', 'altKey', 'metaKey'] as const) {
      expect(mapKeyAction(key('ArrowDown', { [modifier]: true }), null, 3)).toBeNull();
    }
  });
});

describe('shortQuote', () => {
  it('keeps a short passage on one line and cuts a long one at a word', () => {
    expect(shortQuote('  A short\n passage ')).toBe('A short passage');
    const long = 'Implementation support practitioners bring evidence to the people who deliver services every day';
    expect(shortQuote(long)).toBe('Implementation support practitioners bring evidence to the…');
  });
});
