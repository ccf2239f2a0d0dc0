/**
 * The demo article (its first page names the club article's DOI, so the viewer shows the club's panel) followed
 * by `sections` more pages of text, one per printed page, for the PDF benchmarks' 30-page file. The extra text is
 * drawn from the article's own words by a seeded generator, so that every page's text is its own: passages that
 * repeat page after page would be ambiguous, which measures the ambiguity rules rather than the anchoring.
 */
export function longArticleHtml(demoHtml: string, sections: number): string {
  const words = (demoHtml.match(/<p>([^<]+)<\/p>/g) ?? [])
    .join(' ')
    .replace(/<\/?p>/g, '')
    .split(/\s+/)
    .filter((word) => /^[\p{L}“”’-]+[.,]?$/u.test(word));
  let seed = 2020;
  const next = () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const sentence = () => {
    const length = 8 + Math.floor(next() * 18);
    const picked = Array.from({ length }, () =>
      (words[Math.floor(next() * words.length)] ?? 'practice').replace(/[.,]$/, ''),
    );
    const text = picked.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = () => `<p>${Array.from({ length: 5 }, sentence).join(' ')}</p>`;
  const pages = Array.from(
    { length: sections },
    (_, i) =>
      `<section style="break-before: page"><h2>Reading notes, part ${i + 1}</h2>${Array.from({ length: 4 }, paragraph).join('')}</section>`,
  ).join('');
  return demoHtml.replace('</article>', `${pages}</article>`);
}

/** Pages in a PDF that Chromium printed (its page objects are not compressed). */
export function pdfPageCount(bytes: Uint8Array): number {
  return new TextDecoder('latin1').decode(bytes).match(/\/Type\s*\/Page\b/g)?.length ?? 0;
}
