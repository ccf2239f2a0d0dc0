import { afterEach, describe, expect, it } from 'vitest';
import { createIntegration } from '../../utils/page/document';
import { createHtmlIntegration } from '../../utils/page/document/html';

/** The HTML article as a document type: what highlighting finds, describes, follows and scrolls to. */
let root: HTMLElement | undefined;
afterEach(() => root?.remove());

function article(html: string): HTMLElement {
  root = document.createElement('main');
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

/** A range over `from`–`to` of the first text node holding `needle`. */
function rangeIn(element: Element, needle: string, extraAfter = 0): Range {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(needle);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + needle.length + extraAfter);
    return range;
  }
  throw new Error(`no "${needle}"`);
}

describe('the HTML article integration', () => {
  it('anchors in the document’s body unless told another root', () => {
    expect(createIntegration(document).root).toBe(document.body);
    const main = article('<p>Text.</p>');
    expect(createHtmlIntegration(document, main).root).toBe(main);
  });

  it('reads the article’s identity from the page’s metadata', async () => {
    const doc = document.implementation.createHTMLDocument('An article');
    doc.head.innerHTML = '<meta name="citation_doi" content="10.1186/s12913-020-05145-1">';
    const info = await createHtmlIntegration(doc).article();
    expect(info?.doi).toBe('10.1186/s12913-020-05145-1');
    const plain = document.implementation.createHTMLDocument('Not an article');
    expect(await createHtmlIntegration(plain).article()).toBeNull();
  });

  it('describes a selection, names the passage without its trailing space, and anchors it back', async () => {
    const main = article('<p>Implementation support practitioners help others use evidence.</p><p>Second block.</p>');
    const integration = createHtmlIntegration(document, main);
    // A double-click takes the space after the word; the quote and the drawn passage leave it out.
    const described = await integration.describe(rangeIn(main, 'support practitioners', 1));
    if (!described.ok) throw new Error(described.reason);
    expect(described.selectors[0].exact).toBe('support practitioners');
    expect(described.passage.toString()).toBe('support practitioners');

    const found = await integration.anchorAll([{ selectors: described.selectors }]);
    expect(found.anchored.map(({ result }) => result.range.toString())).toEqual(['support practitioners']);
    expect(found.anchored[0]?.result.method).toBe('position');
  });

  it('names the passage across elements, from its first to its last kept character', async () => {
    const main = article('<p>One <em>two </em></p><p>\n  three four\u00a0\u00ad</p>');
    const integration = createHtmlIntegration(document, main);
    const range = document.createRange();
    range.setStart(main.querySelector('em')?.firstChild as Text, 3);
    range.setEnd(main.querySelectorAll('p')[1]?.firstChild as Text, '\n  three four\u00a0\u00ad'.length);
    const described = await integration.describe(range);
    if (!described.ok) throw new Error(described.reason);
    expect(described.selectors[0].exact).toBe('three four');
    expect(described.passage.toString()).toBe('three four');
  });

  it('refuses a selection outside its root', async () => {
    const main = article('<p>Inside.</p>');
    const outside = document.createElement('aside');
    outside.textContent = 'Outside the article.';
    document.body.append(outside);
    const described = await createHtmlIntegration(document, main).describe(rangeIn(outside, 'Outside'));
    outside.remove();
    expect(described.ok).toBe(false);
  });

  it('follows late content under its root until the watch is stopped, and stops every watch when destroyed', async () => {
    const main = article('<p>Loading…</p>');
    const integration = createHtmlIntegration(document, main);
    const seen = { first: 0, second: 0 };
    const stopFirst = integration.onContentChange(() => seen.first++);
    integration.onContentChange(() => seen.second++);

    main.insertAdjacentHTML('beforeend', '<p>A section that arrived late.</p>');
    await expect.poll(() => seen).toEqual({ first: 1, second: 1 });
    stopFirst();
    (main.firstChild?.firstChild as Text).data = 'Loaded.';
    await expect.poll(() => seen.second).toBe(2);
    integration.destroy();
    main.append('More text.');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toEqual({ first: 1, second: 2 });
  });

  it('scrolls a passage into view', async () => {
    const main = article(`<div style="height: 4000px"></div><p>The passage far below.</p>`);
    const integration = createHtmlIntegration(document, main);
    const range = rangeIn(main, 'passage far below');
    await integration.scrollTo(range);
    const box = range.getBoundingClientRect();
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(window.innerHeight);
    window.scrollTo(0, 0);
  });
});
