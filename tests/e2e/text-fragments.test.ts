import { existsSync } from 'node:fs';
import { build } from 'esbuild';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from '../support/browser.mjs';
import { REAL_PAGES } from '../support/real-pages.mjs';
import { SHARED_PAGES, startFixtureServer } from '../support/server.mjs';

/**
 * The oracle for `buildTextFragment`: Chromium's own "scroll to text fragment" matcher. With the
 * TextFragmentAPI blink feature, `document.fragmentDirective.items[i].getMatchingRange()` returns the Range the
 * browser matched for each `:~:text=` directive of the current URL (the same matcher that scrolls to and marks
 * the passage for a recipient). So each test builds a directive in the page, navigates to the same document
 * with it, and compares the browser's range with the passage, boundary for boundary.
 *
 * Not a vitest browser-mode test: those run in an iframe of the runner page, without that feature flag, and
 * Chromium only applies text directives in top-level navigations.
 */

const PASSAGES_PER_PAGE = 40;
const CASE_ORIGIN = 'http://127.0.0.1:9';

let browser: Browser;
let context: BrowserContext;
let server: Awaited<ReturnType<typeof startFixtureServer>>;
let builder: string;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [new URL('../../utils/sharing/text-fragment.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    globalName: 'textFragment',
    write: false,
    target: 'es2022',
  });
  builder = `${bundle.outputFiles[0]?.text};window.textFragment = textFragment;`;
  server = await startFixtureServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--enable-blink-features=TextFragmentAPI'],
  });
  // Page scripts off: the publisher pages would otherwise change between building and matching.
  context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
  await context.route(/^(?!https?:\/\/127\.0\.0\.1[:/])(https?|wss?):/, (route) => route.abort('blockedbyclient'));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

type Outcome = 'exact' | 'not found' | `different: ${string}` | 'no fragment';

/** Navigates to the document's own URL plus the directive and says what Chromium matched for passage `index`. */
async function browserMatch(page: Page, url: string, fragment: string, index: number): Promise<Outcome> {
  await page.goto(`${url}#:~:${fragment}`);
  return page.evaluate(async (i) => {
    const passage = (window as unknown as { passages: Range[] }).passages[i] as Range;
    const items = (
      document as unknown as { fragmentDirective: { items: Array<{ getMatchingRange(): Promise<Range> }> } }
    ).fragmentDirective.items;
    if (items.length !== 1) return `different: ${items.length} directives` as const;
    let found: Range;
    try {
      found = await (items[0] as { getMatchingRange(): Promise<Range> }).getMatchingRange();
    } catch {
      return 'not found' as const;
    }
    // Boundary points compared by the visible characters before them: (text, 5) and (nextText, 0) are equal.
    const before = (node: Node, offset: number) => {
      const range = document.createRange();
      range.setStart(document.body, 0);
      range.setEnd(node, offset);
      return range.toString().replace(/\s+/g, '').length;
    };
    const same =
      before(found.startContainer, found.startOffset) === before(passage.startContainer, passage.startOffset) &&
      before(found.endContainer, found.endOffset) === before(passage.endContainer, passage.endOffset);
    return same ? ('exact' as const) : (`different: ${JSON.stringify(found.toString().slice(0, 100))}` as const);
  }, index);
}

/** Builds directives for the marked passage (`⟦…⟧`) of a small page, in the page. */
const CASES: Array<[string, string]> = [
  ['a repeated phrase (needs context)', '<p>Alpha beta gamma delta.</p><p>Alpha ⟦beta gamma⟧ epsilon.</p>'],
  ['a repeat differing in case and accents', '<p>RÉSUMÉ of the Café results.</p><p>The ⟦résumé of the café⟧ data.</p>'],
  ['a repeat differing in quote marks', "<p>It’s the model’s fault.</p><p>Yes, ⟦it's the model's⟧ fault.</p>"],
  ['table cells', '<table><tr><td>alpha beta</td><td>⟦gamma delta</td><td>epsilon⟧ zeta</td></tr></table>'],
  ['an inline-block', '<p>one <span style="display:inline-block">⟦two three</span> four⟧ five</p>'],
  ['a line break', '<p>line ⟦one<br>line⟧ two</p>'],
  ['non-breaking spaces', '<p>a 10&nbsp;kg load</p><p>the ⟦weight of 10&nbsp;&nbsp;kg⟧ was used</p>'],
  ['a passage starting mid-word', '<p>Highlights.</p><p>The high⟦lighting⟧ of highlights.</p>'],
  ['a passage ending mid-word', '<p>The ⟦highlight⟧ing of highlights.</p>'],
  [
    'text hidden by a stylesheet',
    '<style>.x{display:none}</style><p>secret <span class=x>words</span> here</p><p>The ⟦secret words⟧ are here.</p>',
  ],
  ['invisible text', '<p>vis <span style="visibility:hidden">hidden</span> ible</p><p>⟦vis ible⟧ text</p>'],
  ['an image inside a word', '<p>foo<img alt="" src="data:,">bar baz</p><p>⟦foobar baz⟧ qux</p>'],
  ['soft hyphens', '<p>hy&shy;phen&shy;ated words</p><p>more ⟦hyphenated words⟧ here</p>'],
  ['preformatted text', '<pre>code  with   spaces\nnext line</pre><p>⟦code with spaces⟧ in prose</p>'],
  ['ligatures and full-width letters', '<p>ﬁnal ＡＮＳＷＥＲ</p><p>The ⟦final answer⟧ here</p>'],
  ['emoji', '<p>Great 🎉 result here</p><p>⟦Great 🎉 result⟧ there</p>'],
  ['a paragraph repeated word for word', '<p>Same text here.</p><p>⟦Same text here.⟧</p>'],
  ['list items', '<ul><li>first item text</li><li>⟦second item</li><li>third⟧ item</li></ul><p>second item</p>'],
  ['punctuation at the edges', '<p>As shown ⟦(see Fig. 1, p. 3).⟧ Then (see Fig. 2).</p>'],
  ['ß and ss', '<p>Die Straße ist lang.</p><p>Ja, ⟦die strasse ist⟧ lang.</p>'],
  ['Greek capitals and final sigma', '<p>ΟΔΥΣΣΕΥΣ ΗΡΘΕ.</p><p>Ο ⟦Οδυσσευς ήρθε⟧ ξανά.</p>'],
  ['Chinese', '<p>这是一个测试句子。这是⟦另一个句子⟧。</p>'],
  ['Arabic', '<p dir="rtl">مرحبا بالعالم. ⟦هذه جملة أخرى⟧ هنا.</p>'],
  [
    'a long passage over paragraphs',
    `<p>${'Background words fill this paragraph. '.repeat(3)}</p><p>We ⟦measured the effect in three cohorts. ${'The results were consistent across sites and years. '.repeat(4)}</p><p>Limitations apply to the smallest cohort only⟧, as discussed.</p><p>We measured the effect again.</p>`,
  ],
];

describe('Chromium finds exactly the passage', () => {
  it.each(CASES)('in %s', async (_name, markup) => {
    const page = await context.newPage();
    const url = `${CASE_ORIGIN}/case.html`;
    await page.route(url, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><body>${markup}</body>` }),
    );
    await page.goto(url);
    await page.evaluate(builder);
    const fragment = await page.evaluate(() => {
      const markers: Array<[Text, number]> = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        for (const marker of ['⟦', '⟧']) {
          const at = node.data.indexOf(marker);
          if (at >= 0) {
            node.deleteData(at, 1);
            markers.push([node, at]);
          }
        }
      }
      const [start, end] = markers as [[Text, number], [Text, number]];
      const range = document.createRange();
      range.setStart(...start);
      range.setEnd(...end);
      (window as unknown as { passages: Range[] }).passages = [range];
      return (
        window as unknown as { textFragment: { buildTextFragment(r: Range): string | null } }
      ).textFragment.buildTextFragment(range);
    });
    expect(fragment).not.toBeNull();
    expect(await browserMatch(page, url, fragment as string, 0)).toBe('exact');
    await page.close();
  });
});

const fixturesPresent = existsSync(SHARED_PAGES);
if (!fixturesPresent)
  console.warn(`Fixture pages not found at ${SHARED_PAGES}: the real-page text fragment tests are skipped.`);

describe.skipIf(!fixturesPresent)('Chromium finds exactly the passage on real publisher pages', () => {
  const tally: Record<string, Record<string, number>> = {};
  afterAll(() => console.info('text fragments on fixture pages (Chromium matcher):', tally));

  it.each(REAL_PAGES.map((page) => page.file))(
    'for random passages on %s',
    async (name) => {
      const page = await context.newPage();
      const url = `${server.origin}/shared/${name}`;
      await page.goto(url);
      await page.evaluate(builder);
      const made = await page.evaluate(makePassages, { count: PASSAGES_PER_PAGE, seed: name.length * 7919 });
      const outcomes: Array<{ text: string; fragment: string | null; outcome: Outcome }> = [];
      for (const [index, { text, fragment }] of made.entries()) {
        const outcome = fragment === null ? 'no fragment' : await browserMatch(page, url, fragment, index);
        outcomes.push({ text, fragment, outcome });
      }
      const count = (o: string) => outcomes.filter(({ outcome }) => outcome.startsWith(o)).length;
      const times = made.map(({ ms }) => ms).sort((a, b) => a - b);
      tally[name] = {
        passages: made.length,
        exact: count('exact'),
        noFragment: count('no fragment'),
        wrong: count('different') + count('not found'),
        medianMs: Math.round(times[times.length >> 1] ?? 0),
        maxMs: Math.round(times.at(-1) ?? 0),
      };
      expect(made.length).toBe(PASSAGES_PER_PAGE);
      expect(outcomes.filter(({ outcome }) => outcome !== 'exact' && outcome !== 'no fragment')).toEqual([]);
      // Only passages whose surroundings repeat word for word (affiliations, "Google Scholar" links) get none.
      expect(count('exact')).toBeGreaterThanOrEqual(PASSAGES_PER_PAGE * 0.85);
      await page.close();
    },
    120_000,
  );
});

/**
 * Runs in the page: random passages like readers select them (mostly from word start to word end, sometimes
 * mid-word, 1–60 words, sometimes over several paragraphs), starting in article prose; builds a directive for
 * each and keeps the ranges on `window.passages`. Seeded, so a failure can be replayed.
 */
function makePassages({ count, seed }: { count: number; seed: number }) {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const parent = node.parentElement;
    if (!parent || !/\S/.test(node.data) || !parent.checkVisibility({ visibilityProperty: true })) continue;
    if (parent.closest('script,style,noscript,svg,select,textarea,button')) continue;
    nodes.push(node);
  }
  const prose = nodes
    .map((_, i) => i)
    .filter((i) => {
      const node = nodes[i] as Text;
      return node.data.trim().length > 40 && node.parentElement?.closest('p,li,figcaption,blockquote,dd,td') != null;
    });
  const api = (window as unknown as { textFragment: { buildTextFragment(r: Range): string | null } }).textFragment;
  const passages: Range[] = [];
  const out: Array<{ text: string; fragment: string | null; ms: number }> = [];
  while (out.length < count) {
    const first = prose[Math.floor(random() * prose.length)] as number;
    const node = nodes[first] as Text;
    const starts: number[] = [];
    for (let k = 0; k < node.data.length; k++) {
      const wordStart = k === 0 || /\s/.test(node.data.charAt(k - 1));
      if (/\S/.test(node.data.charAt(k)) && (wordStart || random() < 0.02)) starts.push(k);
    }
    const startOffset = starts[Math.floor(random() * starts.length)] as number;
    const words = 1 + Math.floor(random() ** 2 * 60);
    let endNode = node;
    let endOffset = startOffset;
    let seen = 0;
    let inWord = false;
    walk: for (let j = first, from = startOffset; j < nodes.length && j < first + 30; j++, from = 0) {
      const data = (nodes[j] as Text).data;
      for (let k = from; k < data.length; k++) {
        const space = /\s/.test(data.charAt(k));
        if (!space) {
          endNode = nodes[j] as Text;
          endOffset = k + 1;
        }
        if (inWord && space && ++seen >= words) break walk;
        inWord = !space;
        if (!space && random() < 0.003) break walk;
      }
    }
    const range = document.createRange();
    range.setStart(node, startOffset);
    range.setEnd(endNode, endOffset);
    const started = performance.now();
    const fragment = api.buildTextFragment(range);
    out.push({ text: range.toString().slice(0, 100), fragment, ms: performance.now() - started });
    passages.push(range);
  }
  (window as unknown as { passages: Range[] }).passages = passages;
  return out;
}
