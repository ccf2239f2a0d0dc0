import { describe, expect, it } from 'vitest';
import { exportBackup, exportMarkdown, exportWebAnnotations } from '../../utils/exchange';
import { type Highlight, parseHighlight } from '../../utils/highlights/highlight';
import { pdfPageOf, pdfPageSelector } from '../../utils/highlights/pdf-page';
import { ENTRY, highlightAt } from '../support/unit/export-fixtures';

/** A highlight made in the PDF viewer: quote, position over the file's text, and its page (RFC 3778). */
function onPage(page: number, overrides: Partial<Highlight> = {}): Highlight {
  const base = highlightAt('knowledge brokers', 1200, { questionId: 'q1', note: '', ...overrides });
  const [quote, position] = base.target.selectors;
  return { ...base, target: { ...base.target, selectors: [quote, position, pdfPageSelector(page)] } };
}

describe('a PDF highlight’s page', () => {
  it('is stored as an RFC 3778 fragment selector, and a malformed one is refused with a sentence', () => {
    const highlight = onPage(3);
    expect(parseHighlight(highlight)).toEqual({ ok: true, value: highlight });
    expect(pdfPageOf(highlight.target.selectors)).toBe(3);
    const broken = structuredClone(highlight) as unknown as { target: { selectors: { value: string }[] } };
    (broken.target.selectors[2] as { value: string }).value = 'page=0';
    expect(parseHighlight(broken)).toEqual({
      ok: false,
      message: 'The page of the highlighted passage is not a PDF page number (page=1, page=2, …).',
    });
    // An HTML page's highlight keeps its two selectors.
    const html = highlightAt('knowledge brokers', 1200);
    const parsed = parseHighlight(html);
    expect(parsed.ok && parsed.value.target.selectors).toHaveLength(2);
  });

  it('goes into the W3C export as a FragmentSelector beside the quote and position', () => {
    const [annotation] = exportWebAnnotations(ENTRY, [onPage(3)], { language: 'en' }).first?.items ?? [];
    expect(annotation?.target.selector).toEqual([
      expect.objectContaining({ type: 'TextQuoteSelector', exact: 'knowledge brokers' }),
      expect.objectContaining({ type: 'TextPositionSelector' }),
      { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=3' },
    ]);
  });

  it('is cited in the Markdown digest, and kept by the backup', () => {
    const markdown = exportMarkdown(ENTRY, [onPage(7)], { language: 'en', now: new Date('2024-05-02T12:00:00Z') });
    expect(markdown).toContain('> “knowledge brokers” (p. 7)');
    const backup = JSON.parse(exportBackup([onPage(7)], new Date('2024-05-02T12:00:00Z')));
    expect(JSON.stringify(backup)).toContain('"value":"page=7"');
  });
});
