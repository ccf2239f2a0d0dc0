import { afterEach, expect, describe as group, it } from 'vitest';
import { anchor, createAnchorer, type Selector } from '../../utils/anchoring/index.ts';
import { mount, mountSelection, sameBoundaries, unmountAll } from '../support/dom/markup.ts';
import { quote, selectorsOf } from '../support/dom/selectors.ts';

afterEach(unmountAll);

group('anchor', () => {
  it.each([
    ['a plain passage', '<p>The quick ⟦brown fox⟧ jumps</p>'],
    ['a passage across paragraphs', '<p>end of ⟦one</p><p>start⟧ of two</p>'],
    ['a passage across <br>', 'line ⟦one<br>line⟧ two'],
    ['a word split by inline markup', '<p>un<em>⟦bel</em>iev<b>ab⟧</b>le</p>'],
    ['a passage after an emoji', '<p>😀😀 ⟦face 🙂 here⟧ 😀</p>'],
    ['a passage around hidden text', '<p>⟦one <span hidden>secret</span>two⟧</p>'],
  ])('finds %s again at the same boundary points', (_name, markup) => {
    const { root, range } = mountSelection(markup);
    const found = anchor(selectorsOf(root, range), root);
    expect(found).not.toBeNull();
    expect(sameBoundaries(found as Range, range)).toBe(true);
  });

  it('reports an unchanged page as matched by position, with full quality', () => {
    const { root, range } = mountSelection('<p>The quick ⟦brown fox⟧ jumps</p>');
    const selectors = selectorsOf(root, range);
    expect(createAnchorer(root).anchor(selectors)).toMatchObject({ method: 'position', quality: 1, text: 'brown fox' });
  });

  it('reads positions as code points, not UTF-16 units', () => {
    const root = mount('<p>🙂🙂🙂 smile smile</p>');
    // "smile" twice with no context: only the position (in code points: 3 emoji + space = 4) can tell them apart.
    const second: Selector[] = [quote('smile'), { type: 'TextPositionSelector', start: 10, end: 15 }];
    const result = createAnchorer(root).anchor(second);
    expect(result).toMatchObject({ method: 'position', text: 'smile' });
    expect(result?.range.startOffset).toBe(13);
  });

  it('finds a passage that moved because text was added before it', () => {
    const { root, range } = mountSelection('<p>Intro.</p><p>The quick ⟦brown fox⟧ jumps</p>');
    const selectors = selectorsOf(root, range);
    root.prepend(Object.assign(document.createElement('p'), { textContent: 'A new paragraph was inserted here.' }));
    expect(createAnchorer(root).anchor(selectors)).toMatchObject({ method: 'quote', text: 'brown fox' });
  });

  it('follows an edited passage', () => {
    const { root, range } = mountSelection(
      '<p>Methods. ⟦We trained the network for twenty epochs on all images⟧ of the training set.</p>',
    );
    const selectors = selectorsOf(root, range);
    const edited = 'We trained the networks for twenty epochs on all the images';
    (root.firstChild?.firstChild as Text).data = `Methods. ${edited} of the training set.`;
    const result = createAnchorer(root).anchor(selectors);
    expect(result).toMatchObject({ method: 'fuzzy', text: edited });
    expect(result?.quality).toBeGreaterThan(0.9);
    expect(result?.quality).toBeLessThan(1);
  });

  it('accepts a stored quote with other whitespace, as other tools store it', () => {
    const root = mount('<p>The quick brown fox jumps</p>');
    expect(anchor([quote('quick\n   brown', 'The ', ' fox')], root)?.toString()).toBe('quick brown');
  });

  it('does not find text that is hidden in the markup', () => {
    const root = mount('<p hidden>a secret phrase here</p><p>visible</p>');
    expect(anchor([quote('a secret phrase here')], root)).toBeNull();
  });
});

group('anchor among repeated phrases', () => {
  const body = 'We used gradient boosting with shallow trees for the classification step.';
  const reference =
    '<ol><li>Friedman JH. Greedy function approximation: gradient boosting with shallow trees. Ann Stat.</li></ol>';

  it('prefers an edited match in the right context over an exact copy in a reference list', () => {
    const { root, range } = mountSelection(
      `<p>We used ⟦gradient boosting with shallow trees⟧ for the classification step.</p>${reference}`,
    );
    const selectors = selectorsOf(root, range);
    (root.firstChild?.firstChild as Text).data =
      'We used gradient-boosting with shallow trees for the classification step.';
    const result = createAnchorer(root).anchor(selectors);
    expect(result).toMatchObject({ method: 'fuzzy', text: 'gradient-boosting with shallow trees' });
    expect(root.firstChild?.contains(result?.range.startContainer as Node)).toBe(true);
  });

  it('takes the copy whose context matches, whatever the stored position says', () => {
    const root = mount(`${reference}<p>${body}</p>`);
    const selectors: Selector[] = [
      quote('gradient boosting with shallow trees', 'We used ', ' for the classification step.'),
      { type: 'TextPositionSelector', start: 0, end: 36 },
    ];
    const result = createAnchorer(root).anchor(selectors);
    expect(result?.method).toBe('quote');
    expect(root.lastChild?.contains(result?.range.startContainer as Node)).toBe(true);
  });

  it.each([
    ['a short quote', 'boosting', null],
    ['a long quote (32+ characters)', 'gradient boosting with shallow trees', 'quote'],
  ])('with the original gone and only a copy in other context, orphans %s or accepts it', (_n, exact, method) => {
    const root = mount(`<p>Completely rewritten sentence.</p>${reference}`);
    const result = createAnchorer(root).anchor([quote(exact, 'We used ', ' for the classification step.')]);
    expect(result?.method ?? null).toBe(method);
  });

  it('uses the stored position to choose among copies with the same context', () => {
    const para = '<p>Data are shown as mean and standard deviation.</p>';
    const root = mount(para.repeat(3));
    const selectors: Selector[] = [
      quote('mean and standard deviation', 'Data are shown as ', '. Data are shown as'),
      // Where the middle copy was before a few characters were removed above it.
      { type: 'TextPositionSelector', start: 60, end: 87 },
    ];
    const result = createAnchorer(root).anchor(selectors);
    expect(result?.range.startContainer).toBe(root.children[1]?.firstChild);
  });

  it.each([
    ['a unique quote', '<p>alpha beta</p>', 'beta', 'beta'],
    ['a repeated quote, with nothing to choose by', '<p>beta beta</p>', 'beta', null],
  ])('with a quote-only selector, finds %s', (_name, markup, exact, text) => {
    const root = mount(markup);
    expect(createAnchorer(root).anchor([quote(exact)])?.text ?? null).toBe(text);
  });
});

group('anchor with unusable selectors', () => {
  const root = () => mount('<p>The quick brown fox jumps over the lazy dog.</p>');

  it.each([
    ['an empty list', []],
    ['null', null],
    ['a string', 'brown fox'],
    ['a list holding null', [null, undefined, 3]],
    ['a quote without exact', [{ type: 'TextQuoteSelector' }]],
    ['a quote whose exact is not a string', [{ type: 'TextQuoteSelector', exact: 42 }]],
    ['an empty quote', [{ type: 'TextQuoteSelector', exact: '  ' }]],
    ['only a position (nothing to check it against)', [{ type: 'TextPositionSelector', start: 4, end: 9 }]],
    ['an unknown selector type', [{ type: 'CssSelector', value: 'p' }]],
    ['a quote that is not on the page', [{ type: 'TextQuoteSelector', exact: 'purple elephant' }]],
  ])('returns null, without throwing, for %s', (_name, selectors) => {
    expect(anchor(selectors as unknown as Selector[], root())).toBeNull();
  });

  it.each([
    ['negative', { start: -5, end: 3 }],
    ['reversed', { start: 9, end: 4 }],
    ['not numbers', { start: '4', end: '9' }],
    ['past the end', { start: 4000, end: 4009 }],
  ])('ignores a position that is %s and anchors by the quote', (_name, position) => {
    const selectors = [quote('brown fox', 'The quick ', ' jumps'), { type: 'TextPositionSelector', ...position }];
    expect(anchor(selectors as Selector[], root())?.toString()).toBe('brown fox');
  });
});

group('createAnchorer', () => {
  it('reads the page once: text added later is found only after refresh()', () => {
    const root = mount('<p>first paragraph</p>');
    const anchorer = createAnchorer(root);
    root.append(Object.assign(document.createElement('p'), { textContent: 'late arriving section' }));
    const late = [quote('arriving section', 'late ', '')];
    expect(anchorer.anchor(late)).toBeNull();
    anchorer.refresh();
    expect(anchorer.anchor(late)?.text).toBe('arriving section');
  });

  it('keeps giving correct ranges after highlights are painted by splitting text nodes', () => {
    const root = mount('<p>alpha beta gamma delta epsilon</p>');
    const anchorer = createAnchorer(root);
    const first = anchorer.anchor([quote('beta', 'alpha ', ' gamma')]);
    first?.range.surroundContents(document.createElement('mark'));
    const second = anchorer.anchor([quote('delta', 'gamma ', ' epsilon')]);
    expect(second?.range.toString()).toBe('delta');
  });
});
