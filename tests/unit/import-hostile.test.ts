import { describe, expect, it } from 'vitest';
import { planImport } from '../../utils/exchange';
import { hostileBackup } from '../support/hostile';

/**
 * Review F3, the persistent variant: a file of one-letter quotes with 1,000 characters of context on each side
 * froze every later load of the article once imported. The import keeps such highlights (nothing in a file is
 * lost for being long-winded) but with the context cut to what matching uses, and plans a file near the 20 MB
 * cap in linear time.
 */
describe('planImport on a hostile file', () => {
  it('keeps the highlights with their context cut to the 64 characters nearest the quote', () => {
    const plan = planImport(hostileBackup(2_000), []);
    expect(plan.summary.added).toBe(2_000);
    for (const highlight of plan.toWrite) {
      const [quote] = highlight.target.selectors;
      expect(quote.exact).toBe('e');
      expect(quote.prefix).toHaveLength(64);
      expect(quote.suffix).toHaveLength(64);
    }
  });

  it('plans a file near the size cap in a few seconds at most (some 1.5 s on a busy machine)', () => {
    const text = hostileBackup(8_000);
    expect(text.length).toBeGreaterThan(18_000_000);
    const started = performance.now();
    expect(planImport(text, []).toWrite).toHaveLength(8_000);
    expect(performance.now() - started).toBeLessThan(10_000);
  }, 30_000);

  it('reads the DOI of 2,000 Web Annotations whose page addresses end in 8,000 characters of view words', () => {
    // The DOI comes from the source address when no scope names it; the old clean-up took some 12 ms per address.
    const source = `https://example.org/doi/10.1234/x${'/pdf'.repeat(2_000)}`;
    const items = Array.from({ length: 2_000 }, (_, i) => ({
      type: 'Annotation',
      id: `urn:uuid:00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      target: {
        source,
        selector: [
          { type: 'TextQuoteSelector', exact: 'e' },
          { type: 'TextPositionSelector', start: 0, end: 1 },
        ],
      },
    }));
    const started = performance.now();
    const plan = planImport(JSON.stringify({ type: 'AnnotationPage', items }), []);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(plan.toWrite).toHaveLength(0);
    expect(plan.summary.invalid).toHaveLength(2_000);
  }, 30_000);
});
