import { expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { buildTextIndex } from '../../utils/anchoring/index.ts';
import { type MapItem, mountHighlightMap } from '../../utils/page/highlight-map/highlight-map.ts';
import { loadFixturePages } from '../support/dom/fixtures.ts';
import { generateArticleHtml } from '../support/dom/generate.ts';
import { createRng } from '../support/dom/prng.ts';

/**
 * The highlight map on the 1 MB bench article with 500 highlights, in the page itself (laid out at 1280 × 800):
 * how long each of its updates takes when the reader scrolls and when the window is resized, against the 16 ms
 * of one frame. The map's updates are its animation-frame callbacks, timed by wrapping `requestAnimationFrame`
 * before it is mounted. The page's own relayout at a new width, which the browser does in the resize's frame
 * whatever the map does, is timed apart. Prints figures; asserts nothing about time, only that scrolling reads
 * no range.
 *
 * The article is built as tests/bench/anchoring.bench.ts builds it: the six fixture pages' bodies side by side,
 * repeated (letters shifted) until the reader's text reaches 1 MB; without them, generated text.
 */
const TARGET_CHARS = 1_000_000;
const HIGHLIGHTS = 500;
const SCROLLS = 200;
const RESIZES = 12;
const FRAME_MS = 16;
/** What the bench page must not load: no network, no scripts, only text and its structure. */
const EXTERNAL = 'script, style, link, img, picture, video, audio, iframe, object, embed, source, svg image';

const real = await loadFixturePages();
const source = real.length > 0 ? 'the six fixture pages' : 'generated text (fixture pages absent)';
const pages = real.length > 0 ? real : [{ html: generateArticleHtml(createRng(7), 270_000) }];

function shiftLetters(root: Node, by: number): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const shift = (c: string, base: number) => String.fromCharCode(((c.charCodeAt(0) - base + by) % 26) + base);
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    const t = n as Text;
    t.data = t.data.replace(/[a-z]/g, (c) => shift(c, 97)).replace(/[A-Z]/g, (c) => shift(c, 65));
  }
}

function buildArticle(): HTMLElement {
  const article = document.createElement('main');
  article.style.cssText = 'display: block; max-width: 760px; margin: 0 auto; font: 17px/1.5 serif';
  document.body.append(article);
  const bodies = pages.map((p) => {
    const body = new DOMParser().parseFromString(p.html, 'text/html').body;
    for (const element of body.querySelectorAll(EXTERNAL)) element.remove();
    return body;
  });
  const perCopy = bodies.reduce((sum, body) => sum + buildTextIndex(body).text.length, 0);
  for (let copy = 0; copy * perCopy < TARGET_CHARS; copy++) {
    for (const body of bodies) {
      const section = document.createElement('section');
      section.append(...Array.from(body.childNodes, (n) => document.importNode(n, true)));
      if (copy > 0) shiftLetters(section, copy);
      article.append(section);
    }
  }
  return article;
}

function choosePassages(root: Element): MapItem[] {
  const rng = createRng(2024);
  const index = buildTextIndex(root);
  return Array.from({ length: HIGHLIGHTS }, (_, i) => {
    const length = rng.int(20, 300);
    const start = rng.int(0, index.text.length - length);
    return { id: `h${i}`, questionIndex: i % 4 === 3 ? null : i % 3, range: index.toRange(start, start + length) };
  });
}

const original = window.requestAnimationFrame.bind(window);
const nextFrame = () => new Promise((resolve) => original(resolve));
const stats = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1) as number, count: sorted.length };
};
/** Waits until the map has asked for no frame for two frames in a row (a measurement is spread over several). */
async function settled(updates: number[]): Promise<void> {
  let quiet = 0;
  while (quiet < 2) {
    const before = updates.length;
    await nextFrame();
    quiet = updates.length === before ? quiet + 1 : 0;
  }
}

const line = (name: string, times: number[]) => {
  const s = stats(times);
  const over = times.filter((t) => t > FRAME_MS).length;
  const verdict = over === 0 ? 'within a frame' : `${over} OVER a frame`;
  return `${name.padEnd(44)} | ${String(s.count).padStart(5)} | ${s.median.toFixed(2).padStart(8)} | ${s.p95.toFixed(2).padStart(8)} | ${s.max.toFixed(2).padStart(8)} | ${verdict}`;
};

it('follows scrolling and resizing on 1 MB with 500 highlights, each update under a frame', async () => {
  await page.viewport(1280, 800);
  const article = buildArticle();
  const items = choosePassages(article);
  const characters = buildTextIndex(article).text.length;

  // Every animation-frame callback the map asks for is timed: those are its updates.
  const updates: number[] = [];
  const request = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) =>
    request((time) => {
      const started = performance.now();
      callback(time);
      updates.push(performance.now() - started);
    });
  const map = mountHighlightMap(document, {
    questionCount: 3,
    reveal: () => {},
    open: () => {},
    onContentChange: () => () => {},
  });
  map.setRightInset(400);
  document.body.getBoundingClientRect();
  const first = performance.now();
  map.update(items);
  await settled(updates);
  const firstMs = performance.now() - first;
  const measuring = [...updates];
  updates.length = 0;

  // Range reads during the scroll phase: the design says none.
  let reads = 0;
  const getClientRects = Range.prototype.getClientRects;
  Range.prototype.getClientRects = function (this: Range) {
    reads++;
    return getClientRects.call(this);
  };

  const height = document.documentElement.scrollHeight - innerHeight;
  for (let step = 0; step < SCROLLS; step++) {
    // Even steps read the article in order; odd ones jump, as a drag of the scroll bar does.
    const y = step % 2 === 0 ? (step / SCROLLS) * height : ((step * 7919) % SCROLLS) * (height / SCROLLS);
    window.scrollTo(0, y);
    await nextFrame();
    await nextFrame();
  }
  const scrolling = [...updates];
  const scrollReads = reads;
  Range.prototype.getClientRects = getClientRects;
  updates.length = 0;

  const relayout: number[] = [];
  for (let step = 0; step < RESIZES; step++) {
    await page.viewport(step % 2 === 0 ? 1100 : 1280, 800);
    await settled(updates);
  }
  const resizing = [...updates];
  map.destroy();
  window.requestAnimationFrame = request;
  // The page's own relayout at a new width, which no map can avoid (the browser does it in the resize's frame):
  // the article's column is narrowed and widened, then laid out by force.
  for (let step = 0; step < RESIZES; step++) {
    article.style.maxWidth = step % 2 === 0 ? '700px' : '760px';
    const started = performance.now();
    document.body.getBoundingClientRect();
    relayout.push(performance.now() - started);
  }
  // For comparison, what reading every range in one go (the map's first design) would hold a frame for.
  const atOnce: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    for (const item of items) item.range.getClientRects();
    atOnce.push(performance.now() - started);
  }
  article.remove();
  window.scrollTo(0, 0);

  console.info(
    [
      `Highlight map: ${items.length} highlights on ${characters.toLocaleString('en')} characters from ${source}, viewport 1280 × 800:`,
      `first measure (on anchoring): all marks shown after ${firstMs.toFixed(0)} ms, over ${measuring.length} frames`,
      `range reads while scrolling: ${scrollReads}`,
      `${'update (one animation frame of the map)'.padEnd(44)} | count |   median |      p95 |      max | goal ${FRAME_MS} ms`,
      line('first measure, per frame', measuring),
      line('scroll (shift by the offset)', scrolling),
      line('resize (slices of range reads)', resizing),
      line('page relayout at a new width (not the map)', relayout),
      line('all 500 ranges read at once (not done)', atOnce),
    ].join('\n'),
  );
  expect(scrollReads).toBe(0);
  expect(scrolling.length).toBeGreaterThan(SCROLLS / 2);
  expect(resizing.length).toBeGreaterThan(0);
});
