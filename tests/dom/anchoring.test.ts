import { afterEach, expect, describe as group, it } from 'vitest';
import { buildTextIndex, describe } from '../../utils/anchoring/index.ts';
import { selectionRefusal } from '../../utils/page/selection-refusal.ts';
import { mount, mountSelection, unmountAll } from '../support/dom/markup.ts';
import { selectorsOf } from '../support/dom/selectors.ts';

afterEach(unmountAll);

group('reader text', () => {
  it.each([
    ['collapses runs of whitespace', '<p>a  b\n\t c</p>', 'a b c'],
    ['counts block boundaries as one space', '<p>one</p><p>two</p><div>three</div>', 'one two three'],
    ['counts <br> as a space', 'line<br>break', 'line break'],
    ['adds nothing between inline elements', '<p>un<em>believ</em><b>able</b></p>', 'unbelievable'],
    [
      'separates list items and table cells',
      '<ul><li>a</li><li>b</li></ul><table><tr><td>c</td><td>d</td></tr></table>',
      'a b c d',
    ],
    [
      'leaves out script, style, template and noscript',
      '<p>x<script>var s</script><style>p{}</style><template>t</template><noscript>n</noscript>y</p>',
      'xy',
    ],
    [
      'leaves out markup-hidden text',
      '<p>a <span hidden>h1</span><span style="display: none">h2</span><span style="color:red;visibility:hidden">h3</span>b</p>',
      'a b',
    ],
    ['keeps aria-hidden text, which is usually visible', '<p>a <span aria-hidden="true">icon</span> b</p>', 'a icon b'],
    ['leaves out SVG drawings', '<p>fig <svg><text>label</text></svg> end</p>', 'fig end'],
    ['drops soft hyphens and zero-width spaces', '<p>hy\u00ADphen\u200Bated</p>', 'hyphenated'],
    ['treats no-break and thin spaces as spaces', '<p>5&nbsp;mg and 3\u2009km</p>', '5 mg and 3 km'],
    ['trims the ends', '  <p>  a  </p>  ', 'a'],
  ])('%s', (_name, markup, text) => {
    expect(buildTextIndex(mount(markup)).text).toBe(text);
  });

  it('gives the same positions for two separately parsed copies of a page', () => {
    const markup = '<h1>Title</h1><p>Some   text <em>with</em> emphasis.</p><ul><li>x</li></ul>';
    const a = new DOMParser().parseFromString(markup, 'text/html').body;
    const b = mount(markup);
    expect(buildTextIndex(a).text).toBe(buildTextIndex(b).text);
  });
});

group('describe', () => {
  it.each([
    ['a plain passage', '<p>The quick ⟦brown fox⟧ jumps</p>', 'brown fox', 'The quick ', ' jumps', 10, 19],
    [
      'collapsed whitespace',
      '<p>The   quick\n\t⟦brown\n   fox⟧  jumps</p>',
      'brown fox',
      'The quick ',
      ' jumps',
      10,
      19,
    ],
    ['context across a block boundary', '<p>First.</p><p>⟦Second⟧ para.</p>', 'Second', 'First. ', ' para.', 7, 13],
    ['a passage across paragraphs', '<p>end of ⟦one</p><p>start⟧ of two</p>', 'one start', 'end of ', ' of two', 7, 16],
    ['context across <br>', 'line one<br>⟦line⟧ two', 'line', 'line one ', ' two', 9, 13],
    ['a word split by inline markup', '<p>un<em>⟦believ⟧</em>able</p>', 'believ', 'un', 'able', 2, 8],
    ['spaces taken in by the selection', '<p>a⟦ word ⟧b</p>', 'word', 'a ', ' b', 2, 6],
    ['hidden text inside the selection', '<p>⟦one <span hidden>secret</span>two⟧</p>', 'one two', '', '', 0, 7],
    ['emoji counted as one character', '<p>😀 emoji ⟦😀 smile⟧ end</p>', '😀 smile', '😀 emoji ', ' end', 8, 15],
    ['a list item', '<ul><li>alpha</li><li>⟦beta⟧</li></ul>', 'beta', 'alpha ', '', 6, 10],
  ])('describes %s', (_name, markup, exact, prefix, suffix, start, end) => {
    const { root, range } = mountSelection(markup);
    expect(describe(range, root)).toEqual({
      ok: true,
      selectors: [
        { type: 'TextQuoteSelector', exact, prefix, suffix },
        { type: 'TextPositionSelector', start, end },
      ],
    });
  });

  it('keeps 32 characters of context and never splits an emoji', () => {
    const { root, range } = mountSelection(`<p>${'😀'.repeat(40)} ⟦quote⟧ ${'😀'.repeat(40)}</p>`);
    const [q] = selectorsOf(root, range);
    expect(q.prefix.length).toBeLessThanOrEqual(32);
    expect(q.prefix.length).toBeGreaterThanOrEqual(31);
    expect(q.prefix).toMatch(/^(?:😀)+ $/u);
    expect(q.suffix).toMatch(/^ (?:😀)+$/u);
  });

  it('describes a selection made by element boundaries', () => {
    const root = mount('<p>first</p><p>second</p>');
    const range = document.createRange();
    range.selectNodeContents(root.lastElementChild as Element);
    expect(selectorsOf(root, range)[0].exact).toBe('second');
  });
});

group('describe refuses selections it cannot store', () => {
  const long = 'Lorem ipsum dolor sit amet. '.repeat(200);

  it.each([
    ['a collapsed selection', '<p>ab⟦⟧c</p>', 'empty'],
    ['only spaces', '<p>a⟦   ⟧b</p>', 'whitespace'],
    ['only a paragraph break', '<p>a⟦</p>\n\n<p>⟧b</p>', 'whitespace'],
    ['text hidden in the markup', '<p>a</p><p hidden>⟦secret⟧</p><p>b</p>', 'not-article-text'],
    ['an SVG label', '<p>a <svg><text>⟦label⟧</text></svg> b</p>', 'not-article-text'],
    ['a passage of more than 4,000 characters', `<p>⟦${long}⟧</p>`, 'too-long'],
  ])('refuses %s', (_name, markup, reason) => {
    const { root, range } = mountSelection(markup);
    const result = describe(range, root);
    expect(result).toMatchObject({ ok: false, reason });
  });

  it('refuses the whole page with a message about length', () => {
    const root = mount(`<p>${long}</p>`);
    mount('<nav>menu</nav>');
    const range = document.createRange();
    range.selectNodeContents(document.body);
    const result = describe(range, root);
    expect(result).toMatchObject({ ok: false, reason: 'too-long' });
    expect(result.ok || selectionRefusal(result, 'en')).toMatch(
      /too long to highlight \(5,599 characters\).*at most 4,000 characters/,
    );
  });

  it('keeps the part inside the article of a selection that starts outside it', () => {
    const nav = mount('<nav>menu</nav>');
    const root = mount('<p>article text</p>');
    const range = document.createRange();
    range.setStart(nav.firstChild?.firstChild as Text, 1);
    range.setEnd(root.firstChild?.firstChild as Text, 7);
    expect(selectorsOf(root, range)[0].exact).toBe('article');
  });

  it.each([
    ['a selection elsewhere on the page', () => mount('<p>sidebar</p>')],
    [
      'a selection inside shadow DOM',
      (root: Element) => {
        const host = document.createElement('div');
        root.append(host);
        const shadow = host.attachShadow({ mode: 'open' });
        shadow.innerHTML = '<p>shadow text</p>';
        return shadow.firstElementChild as Element;
      },
    ],
    [
      'a selection in another document',
      () => new DOMParser().parseFromString('<p>other</p>', 'text/html').body.firstElementChild as Element,
    ],
  ])('refuses %s as outside the article', (_name, place) => {
    const root = mount('<p>article text</p>');
    const target = place(root);
    const inOwnDocument = target.ownerDocument.createRange();
    inOwnDocument.selectNodeContents(target);
    expect(describe(inOwnDocument, root)).toMatchObject({ ok: false, reason: 'outside-root' });
  });

  it('explains every refusal in plain words', () => {
    const { root, range } = mountSelection('<p>a⟦ ⟧b</p>');
    const result = describe(range, root);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(selectionRefusal(result, 'en')).toMatch(/^[A-Z].*\.$/);
      expect(selectionRefusal(result, 'en')).not.toMatch(/range|root|undefined|null|offset/i);
    }
  });
});
