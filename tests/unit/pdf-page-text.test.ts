import { describe, expect, it } from 'vitest';
import { joinPages } from '../../utils/pdf/text/document-text';
import { buildPageText, itemOfRaw, textOffsetOfRaw } from '../../utils/pdf/text/page-text';

const line = (str: string, hasEOL = true) => ({ str, hasEOL });

describe('a PDF page’s reader’s text', () => {
  it.each([
    ['line ends read as one space', [line('Journal clubs'), line('read papers', false)], 'Journal clubs read papers'],
    ['whitespace runs collapse', [line('a  \u00a0 b\t c', false)], 'a b c'],
    ['ligature glyphs read as their letters', [line('the ﬁrst eﬃcient ﬂow', false)], 'the first efficient flow'],
    ['a word hyphenated at a line end is one word', [line('anno-'), line('tation', false)], 'annotation'],
    ['a hyphen before a capital stays', [line('evidence-'), line('Based care', false)], 'evidence-Based care'],
    ['a dash set apart is not a hyphenation', [line('results -'), line('and more', false)], 'results - and more'],
    ['soft hyphens are dropped', [line('imple\u00admentation', false)], 'implementation'],
    ['leading and trailing space go', [line('  padded  ', false)], 'padded'],
    ['empty items (no span in the text layer) add nothing', [line(''), line('text', false)], 'text'],
  ])('%s', (_, items, expected) => {
    expect(buildPageText(items).text).toBe(expected);
  });

  it('maps every character to its place in the text layer’s nodes, and back', () => {
    const page = buildPageText([line('Journal '), line(''), line('ﬁrst-'), line('rate clubs', false)]);
    expect(page.text).toBe('Journal firstrate clubs');
    // Items with text are the text layer's Text nodes: "Journal ", "ﬁrst-", "rate clubs".
    expect([...page.itemStarts]).toEqual([0, 8, 13]);
    const at = (offset: number) => itemOfRaw(page, page.raw[offset] as number);
    expect(at(page.text.indexOf('f'))).toEqual({ item: 1, offset: 0 });
    // Both letters of the ligature come from its one glyph.
    expect(at(page.text.indexOf('i'))).toEqual({ item: 1, offset: 0 });
    expect(at(page.text.indexOf('rate'))).toEqual({ item: 2, offset: 0 });
    expect(at(page.text.indexOf('c'))).toEqual({ item: 2, offset: 5 });
    // From a node's point to the text: the start of "rate" and the end of "Journal".
    expect(textOffsetOfRaw(page, 13)).toBe(page.text.indexOf('rate'));
    expect(page.text.slice(0, textOffsetOfRaw(page, 7))).toBe('Journal');
  });

  it('joins pages with one space, and tells which page holds an offset', () => {
    const text = joinPages([
      buildPageText([line('first page', false)]),
      buildPageText([]),
      buildPageText([line('last')]),
    ]);
    expect(text.text).toBe('first page last');
    expect(text.pageStarts).toEqual([0, 10, 11]);
    expect(text.pageAt(0)).toBe(0);
    expect(text.pageAt(9)).toBe(0);
    expect(text.pageAt(11)).toBe(2);
  });
});
