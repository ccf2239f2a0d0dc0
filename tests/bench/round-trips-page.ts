/**
 * Pages and passages for the round-trip bench (round-trips.bench.ts): the demo article's passages, and a
 * generated article of about 1 MB of text with the selectors of 500 passages on it.
 *
 * The generated article is `<main>` with one text node per `<p>`, words joined by single spaces, so its reader's
 * text (see utils/anchoring/text-model.ts) is the paragraphs joined by one space: the selectors are computed
 * here, in Node, exactly as `describe` would compute them in the page.
 */
export const DEMO_DOI = '10.1186/s12913-020-05145-1';
export const DEMO_ENTRY = 'albers-2020';
const CONTEXT = 32;

export interface BenchPassage {
  selectors: [
    { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
    { type: 'TextPositionSelector'; start: number; end: number },
  ];
}

/** Passages of tests/fixtures/demo-article.html, found by their quote (the positions are left for the search). */
export function demoPassages(): BenchPassage[] {
  return [
    'implementation support practitioner',
    'direct service delivery or management',
    'relational and behavioral',
  ].map((exact) => ({
    selectors: [
      { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: 0, end: exact.length },
    ],
  }));
}

/** mulberry32: the same article and passages on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchArticle(highlights: number, targetChars = 1_000_000) {
  const next = random(9);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'pe', 'da', 'gri', 'sto', 'bel', 'an', 'or'];
  const words = Array.from({ length: 600 }, () =>
    Array.from({ length: int(1, 4) }, () => syllables[int(0, syllables.length - 1)]).join(''),
  );
  const paragraphs: string[][] = [];
  let chars = 0;
  while (chars < targetChars) {
    const paragraph = Array.from({ length: int(40, 160) }, () => words[int(0, words.length - 1)] as string);
    paragraphs.push(paragraph);
    chars += paragraph.join(' ').length + 1;
  }
  const texts = paragraphs.map((paragraph) => paragraph.join(' '));
  const text = texts.join(' ');
  const starts: number[] = [];
  let offset = 0;
  for (const paragraph of texts) {
    starts.push(offset);
    offset += paragraph.length + 1;
  }
  const passages: BenchPassage[] = [];
  for (let i = 0; i < highlights; i++) {
    const p = int(0, paragraphs.length - 1);
    const paragraph = paragraphs[p] as string[];
    const first = int(0, paragraph.length - 12);
    const before = paragraph.slice(0, first).join(' ');
    const start = (starts[p] as number) + before.length + (first > 0 ? 1 : 0);
    const exact = paragraph.slice(first, first + int(3, 10)).join(' ');
    const end = start + exact.length;
    passages.push({
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact,
          prefix: text.slice(Math.max(0, start - CONTEXT), start),
          suffix: text.slice(end, end + CONTEXT),
        },
        { type: 'TextPositionSelector', start, end },
      ],
    });
  }
  const head = `<meta charset="utf-8"><title>Bench article</title><meta name="citation_doi" content="${DEMO_DOI}"><meta name="citation_title" content="Bench article">`;
  const body = `<main>${texts.map((paragraph) => `<p>${paragraph}</p>`).join('')}</main>`;
  return {
    html: `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`,
    passages,
    chars: text.length,
  };
}
