import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  buildTextFragment,
  formatTextDirective,
  parseTextDirective,
  readRenderedText,
  type TextDirective,
  TextMatcher,
} from '../../utils/sharing/text-fragment.ts';
import { loadFixturePages } from '../support/dom/fixtures.ts';
import { createRng } from '../support/dom/prng.ts';
import { selectableTextNodes } from '../support/dom/selectable.ts';

/**
 * `buildTextFragment` in real Chromium, on pages rendered in iframes (it reads computed style). What Chromium
 * itself then matches is checked in tests/e2e/text-fragments.test.ts; here: the choices it makes, the text it
 * reads, and that its own spec matcher finds every passage it makes a directive for.
 */

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

/** A rendered document of its own (the browser searches a whole document), scripts off. */
async function render(html: string): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.sandbox.add('allow-same-origin');
  frame.style.cssText = 'width: 1000px; height: 600px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = html;
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  return frame.contentDocument as Document;
}

/** Renders markup whose passage is marked `⟦…⟧` and returns the range between the marks. */
async function passage(markup: string): Promise<Range> {
  const doc = await render(`<!doctype html><meta charset="utf-8"><body>${markup}</body>`);
  const marks: Array<[Text, number]> = [];
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    for (const mark of ['⟦', '⟧']) {
      const at = node.data.indexOf(mark);
      if (at >= 0) {
        node.deleteData(at, 1);
        marks.push([node, at]);
      }
    }
  }
  const [start, end] = marks as [[Text, number], [Text, number]];
  const range = doc.createRange();
  range.setStart(...start);
  range.setEnd(...end);
  return range;
}

describe('buildTextFragment', () => {
  it.each([
    ['quotes a short unique passage whole', '<p>The quick ⟦brown fox⟧ jumps.</p>', 'text=brown%20fox'],
    [
      'adds context when the passage repeats',
      '<p>The model fits well.</p><p>But ⟦the model⟧ fails.</p>',
      'text=But-,the%20model',
    ],
    [
      'counts a repeat that differs only in case, accents or quote marks',
      "<p>THE MODÈL’S fit.</p><p>So ⟦the model's⟧ fit.</p>",
      'text=So-,the%20model%27s',
    ],
    [
      'ignores repeats the browser does not search (hidden, images, form fields)',
      '<p hidden>the model</p><p style="display:none">the model</p><textarea>the model</textarea><p>⟦The model⟧ works.</p>',
      'text=The%20model',
    ],
    [
      'uses start and end terms for a long passage',
      '<p>Intro.</p><p>⟦Randomised trials were run at four sites over two years, and every site followed the same protocol for recruitment, blinding and follow-up of the participants⟧.</p>',
      'text=Randomised,participants',
    ],
    [
      'keeps terms inside blocks for a passage over paragraphs',
      '<p>Before ⟦this point.</p><h2>Methods</h2><p>We then⟧ went on.</p>',
      'text=this,then',
    ],
    [
      'gives a passage that starts mid-word its word start as prefix',
      '<p>The high⟦lighting⟧ tool.</p>',
      'text=high-,lighting',
    ],
    [
      'gives a passage that ends mid-word its word end as suffix',
      '<p>A ⟦high⟧lighting tool.</p>',
      'text=high,-lighting',
    ],
    [
      'takes context from the previous block when the passage starts one',
      '<p>Same words.</p><p>⟦Same words.⟧</p>',
      'text=words%2E-,Same%20words%2E',
    ],
    [
      'never lets a term cross a table cell or a line break',
      '<table><tr><td>alpha ⟦beta</td><td>gamma</td></tr></table><p>delta<br>epsilon⟧ zeta</p>',
      'text=beta,epsilon',
    ],
    [
      'percent-encodes everything but letters, digits and _',
      '<p>⟦Cost-effective, 5% & more (really).⟧</p>',
      'text=Cost%2Deffective%2C%205%25%20%26%20more%20%28really%29%2E',
    ],
    ['returns null for a passage repeated with its surroundings', '<p>x</p><p>Same.</p><p>x</p><p>⟦Same.⟧</p>', null],
    ['returns null for a passage that is not rendered', '<p>a <span hidden>⟦hidden⟧</span> b</p>', null],
    ['returns null for whitespace', '<p>a⟦   ⟧b</p>', null],
  ])('%s', async (_name, markup, expected) => {
    const range = await passage(markup);
    const fragment = buildTextFragment(range);
    expect(fragment).toBe(expected);
    if (fragment === null) return;
    // Its own matcher (the spec's algorithm) finds exactly the passage.
    expect(findsExactly(range, fragment)).toBe(true);
  });

  it('returns null for a document without layout (no computed style to go by)', () => {
    const doc = new DOMParser().parseFromString('<p>Some words here.</p>', 'text/html');
    const range = doc.createRange();
    range.selectNodeContents(doc.querySelector('p') as Element);
    expect(buildTextFragment(range)).toBeNull();
  });
});

describe('rendered text', () => {
  it.each([
    ['collapses whitespace as CSS does', '<p>a  b\n\t c</p>', 'a b c'],
    [
      'separates blocks, cells and inline-blocks',
      '<p>a</p><div>b <span style="display:inline-block">c</span> d</div><table><tr><td>e</td><td>f</td></tr></table>',
      'a\nb\nc\nd\ne\nf',
    ],
    ['separates lines at <br>', '<p>a<br>b</p>', 'a\nb'],
    ['joins text around an image', '<p>foo<img alt="x">bar</p>', 'foobar'],
    ['skips hidden and invisible text', '<p>a <b style="visibility:hidden">x</b> <i hidden>y</i>b</p>', 'a b'],
    ['keeps non-breaking spaces', '<p>a&nbsp;&nbsp;b</p>', 'a\u00a0\u00a0b'],
    ['drops soft hyphens', '<p>hy&shy;phen</p>', 'hyphen'],
    ['keeps spaces and breaks lines in <pre>', '<pre>a  b\nc</pre>', 'a  b\nc'],
    [
      'keeps button text (publishers put citations in buttons)',
      '<p>see <button>Smith, 2001</button> too</p>',
      'see\nSmith, 2001\ntoo',
    ],
  ])('%s', async (_name, markup, expected) => {
    const doc = await render(`<!doctype html><body>${markup}</body>`);
    expect(readRenderedText(doc, []).text.trim()).toBe(expected);
  });
});

describe('text directives', () => {
  it.each<TextDirective>([
    { start: 'plain' },
    { start: 'a, b & c - d', end: '100% sure' },
    { prefix: 'before-', start: '-dash', end: 'end,', suffix: ',after' },
    { prefix: 'naïve', start: '“quoted” 🙂', suffix: 'عربى' },
  ])('formats and parses %j', (directive) => {
    const formatted = formatTextDirective(directive);
    expect(formatted).toMatch(/^text=[\w%,-]+$/);
    expect(parseTextDirective(formatted)).toEqual(directive);
  });

  it.each(['text=', 'text=a-', 'text=a,b,c', 'text=%E0%A4%A', 'text=-,a', 'text=a,,b'])(
    'rejects the malformed directive %s',
    (directive) => {
      expect(parseTextDirective(directive)).toBeNull();
    },
  );
});

const pages = await loadFixturePages();
const PASSAGES_PER_PAGE = 30;

describe.skipIf(pages.length === 0)('on real publisher pages', () => {
  const tally: Record<string, { passages: number; fragments: number; medianMs: number; maxMs: number }> = {};
  afterAll(() => console.info('buildTextFragment on fixture pages:', tally));

  it.each(pages.map((page) => [page.name, page.html]))(
    'makes directives its matcher finds exactly on %s',
    async (name, html) => {
      // No scripts, no network: the pages' own stylesheets are remote, so layout is the browser's defaults.
      const parsed = new DOMParser().parseFromString(html, 'text/html');
      for (const el of parsed.querySelectorAll('script, link, iframe, img, video, audio, source')) el.remove();
      const doc = await render(`<!doctype html>${parsed.documentElement.outerHTML}`);
      const nodes = selectableTextNodes(doc.body);
      const rng = createRng(name.length * 104_729);
      const times: number[] = [];
      let fragments = 0;
      for (let made = 0; made < PASSAGES_PER_PAGE; ) {
        // From a word start to a word end up to 12 Text nodes later, as a reader drags (repeats included).
        const i = rng.int(0, nodes.length - 1);
        const startNode = nodes[i] as Text;
        const endNode = nodes[Math.min(nodes.length - 1, i + rng.pick([0, 0, 0, 1, 3, 12]))] as Text;
        const start = wordEdge(startNode.data, rng.int(0, startNode.length), 1);
        const end = wordEdge(endNode.data, rng.int(0, endNode.length), -1);
        const range = doc.createRange();
        range.setStart(startNode, start);
        range.setEnd(endNode, end);
        if (range.collapsed || range.toString().trim() === '') continue;
        made++;
        const started = performance.now();
        const fragment = buildTextFragment(range);
        times.push(performance.now() - started);
        if (fragment === null) continue;
        fragments++;
        expect({ fragment, exact: findsExactly(range, fragment) }).toEqual({ fragment, exact: true });
      }
      times.sort((a, b) => a - b);
      tally[name] = {
        passages: PASSAGES_PER_PAGE,
        fragments,
        medianMs: Math.round(times[times.length >> 1] ?? 0),
        maxMs: Math.round(times.at(-1) ?? 0),
      };
      // What gets no directive repeats word for word with its surroundings (affiliations, link labels).
      expect(fragments).toBeGreaterThanOrEqual(PASSAGES_PER_PAGE * 0.7);
    },
  );
});

/** Whether the spec's algorithm, over the page's rendered text, finds `fragment` exactly at `range`. */
function findsExactly(range: Range, fragment: string): boolean {
  const rendered = readRenderedText(range.startContainer.ownerDocument as Document, [
    [range.startContainer, range.startOffset],
    [range.endContainer, range.endOffset],
  ]);
  const { text } = rendered;
  let [s = 0, e = 0] = rendered.points;
  while (/[ \n]/.test(text.charAt(s))) s++;
  while (/[ \n]/.test(text.charAt(e - 1))) e--;
  const found = new TextMatcher(rendered).find(parseTextDirective(fragment) as TextDirective);
  return found !== null && found[0] === s && found[1] === e;
}

/** The nearest offset at or after (`direction` 1) or before (-1) `at` where a word starts, resp. ends. */
function wordEdge(data: string, at: number, direction: 1 | -1): number {
  let i = at;
  if (direction > 0)
    while (i < data.length && !(/\S/.test(data.charAt(i)) && (i === 0 || /\s/.test(data.charAt(i - 1))))) i++;
  else while (i > 0 && !(/\S/.test(data.charAt(i - 1)) && (i === data.length || /\s/.test(data.charAt(i))))) i--;
  return i;
}
