import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Markdown } from '../../components/Markdown';
import { bundledCatalog } from '../../utils/catalog/bundled';
import { localize } from '../../utils/catalog/localized';
import { type MdBlock, type MdInline, parseMarkdown } from '../../utils/catalog/markdown';

const text = (t: string): MdInline => ({ type: 'text', text: t });
const para = (...children: MdInline[]): MdBlock => ({ type: 'paragraph', children });
const strong = (...children: MdInline[]): MdInline => ({ type: 'strong', children });
const em = (...children: MdInline[]): MdInline => ({ type: 'em', children });
const link = (href: string, ...children: MdInline[]): MdInline => ({ type: 'link', href, children });
const br: MdInline = { type: 'break' };

describe('parseMarkdown: the subset', () => {
  it.each<[string, string, MdBlock[]]>([
    ['a paragraph', 'Hello world', [para(text('Hello world'))]],
    ['paragraphs split by blank lines', 'One\n\n\nTwo', [para(text('One')), para(text('Two'))]],
    ['a soft line break', 'One\ntwo', [para(text('One\ntwo'))]],
    ['Windows line endings', 'One\r\n\r\nTwo', [para(text('One')), para(text('Two'))]],
    ['a hard break by two spaces', 'One  \ntwo', [para(text('One'), br, text('two'))]],
    ['a hard break by backslash', 'One\\\ntwo', [para(text('One'), br, text('two'))]],
    ['bold', '**Background:** text', [para(strong(text('Background:')), text(' text'))]],
    ['bold with underscores', '__bold__', [para(strong(text('bold')))]],
    ['emphasis', 'an *emphasised* word', [para(text('an '), em(text('emphasised')), text(' word'))]],
    ['emphasis with underscores', '_em_ here', [para(em(text('em')), text(' here'))]],
    ['emphasis inside bold', '**a *b* c**', [para(strong(text('a '), em(text('b')), text(' c')))]],
    ['bold inside emphasis', '*a **b** c*', [para(em(text('a '), strong(text('b')), text(' c')))]],
    ['underscores inside words', 'snake_case_name', [para(text('snake_case_name'))]],
    ['a lone star', '2 * 3 * 4', [para(text('2 * 3 * 4'))]],
    ['escaped stars', '\\*not em\\*', [para(text('*not em*'))]],
    ['a link', '[the post](https://example.org/a)', [para(link('https://example.org/a', text('the post')))]],
    ['a mailto link', '[mail](mailto:club@example.org)', [para(link('mailto:club@example.org', text('mail')))]],
    ['bold link text', '[**go**](http://example.org/)', [para(link('http://example.org/', strong(text('go'))))]],
    [
      'a link with no text',
      '[](https://example.org/)',
      [para(link('https://example.org/', text('https://example.org/')))],
    ],
    ['brackets that are not a link', '[sic] (2020)', [para(text('[sic] (2020)'))]],
    ['a link with a space in its URL', '[a](https://x.org/ b)', [para(text('[a](https://x.org/ b)'))]],
    [
      'a bullet list',
      '- one\n* two\n+ three',
      [{ type: 'list', ordered: false, start: 1, items: [[text('one')], [text('two')], [text('three')]] }],
    ],
    [
      'an ordered list with its start',
      '3. three\n4) four',
      [{ type: 'list', ordered: true, start: 3, items: [[text('three')], [text('four')]] }],
    ],
    [
      'a list with a blank line and a continuation line',
      '1. one\n   more\n\n2. two',
      [{ type: 'list', ordered: true, start: 1, items: [[text('one\nmore')], [text('two')]] }],
    ],
    [
      'a list after a paragraph',
      'Questions:\n- why?',
      [para(text('Questions:')), { type: 'list', ordered: false, start: 1, items: [[text('why?')]] }],
    ],
    ['a year that does not start a list inside a paragraph', 'In\n2020. it began', [para(text('In\n2020. it began'))]],
    ['a line starting with bold is not a list', '**a** b', [para(strong(text('a')), text(' b'))]],
    ['a blockquote', '> quoted\n> still', [{ type: 'blockquote', children: [para(text('quoted\nstill'))] }]],
    [
      'a nested blockquote',
      '> a\n>> b',
      [{ type: 'blockquote', children: [para(text('a')), { type: 'blockquote', children: [para(text('b'))] }] }],
    ],
    ['headings, which are not in the subset', '# Title', [para(text('# Title'))]],
  ])('%s', (_, source, expected) => {
    expect(parseMarkdown(source)).toEqual(expected);
  });

  it('gives nothing for empty or blank input', () => {
    expect(parseMarkdown('')).toEqual([]);
    expect(parseMarkdown(' \n\n \t')).toEqual([]);
  });
});

describe('parseMarkdown: hostile input', () => {
  it.each([
    ['a script tag', '<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['an image with onerror', '<img src=x onerror="alert(1)">', '<img src=x onerror="alert(1)">'],
    ['an entity', '&lt;b&gt; &amp;', '&lt;b&gt; &amp;'],
    ['a javascript: link', '[click](javascript:alert(1))', 'click)'],
    ['a link with a tab in its URL', '[click](java\tscript:alert`1`)', '[click](java\tscript:alert`1`)'],
    ['a data: link', '[click](data:text/html,hi)', 'click'],
    ['a relative link', '[click](/etc/passwd)', 'click'],
    ['an unterminated bold', '**never closed', '**never closed'],
    ['an unterminated link', '[text](https://example.org', '[text](https://example.org'],
  ])('keeps %s as text', (_, source, expected) => {
    expect(parseMarkdown(source)).toEqual([para(text(expected))]);
  });

  it('stops nesting blockquotes at a fixed depth and keeps the rest as text', () => {
    let block = parseMarkdown(`${'>'.repeat(50)} deep`)[0];
    let depth = 0;
    while (block?.type === 'blockquote') {
      depth++;
      block = block.children[0];
    }
    expect(depth).toBe(8);
    expect(block).toEqual(para(text(`${'>'.repeat(42)} deep`)));
  });

  /** How deep inline elements nest: text and breaks are 0, each emphasis or link adds 1. */
  const depthOf = (nodes: readonly MdInline[]): number =>
    Math.max(0, ...nodes.map((node) => ('children' in node ? 1 + depthOf(node.children) : 0)));

  const paragraphDepth = (source: string) => {
    const block = parseMarkdown(source)[0];
    return block?.type === 'paragraph' ? depthOf(block.children) : -1;
  };

  it('nests every kind of emphasis inside a link', () => {
    expect(paragraphDepth('[**__*_x_*__**](https://example.org/)')).toBe(5);
  });

  it.each([
    ['the same kind inside itself', `${'**a '.repeat(1_000)}x${' a**'.repeat(1_000)}`],
    ['alternating kinds', `${'**__*_'.repeat(1_000)}x${'_*__**'.repeat(1_000)}`],
    ['links in links', `${'[**a '.repeat(1_000)}x${' a**](https://example.org/)'.repeat(1_000)}`],
  ])('never nests deeper than that, even for %s', (_, source) => {
    expect(paragraphDepth(source)).toBeLessThanOrEqual(5);
  });

  it.each([
    ['unmatched brackets', '['.repeat(100_000)],
    ['unmatched link openers', '[a]('.repeat(25_000)],
    ['brackets before one far link', `${'['.repeat(100_000)}](https://example.org/)`],
    ['stars', '*'.repeat(100_000)],
    ['unclosed emphasis', '*a '.repeat(33_000)],
    ['unclosed bold', '**a '.repeat(25_000)],
    ['underscores', '_a_'.repeat(33_000)],
    ['backslashes', '\\'.repeat(100_000)],
    ['quote markers', '>'.repeat(100_000)],
    ['list items', '- a\n'.repeat(25_000)],
    ['alternating emphasis', '*_'.repeat(50_000)],
  ])('parses 100k characters of %s in linear time', (_, source) => {
    const started = performance.now();
    const blocks = parseMarkdown(source);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(blocks.length).toBeGreaterThan(0);
  });
});

describe('<Markdown>', () => {
  const container = document.createElement('div');
  document.body.append(container);
  afterEach(() => render(null, container));

  it('renders the subset as elements', () => {
    render(<Markdown source={'**Background:** *why*\n\n- one\n- two\n\n> quote'} />, container);
    expect(container.innerHTML).toBe(
      '<div><p><strong>Background:</strong> <em>why</em></p><ul><li>one</li><li>two</li></ul>' +
        '<blockquote><p>quote</p></blockquote></div>',
    );
  });

  it('renders the bundled summary as three paragraphs led by bold labels, text unchanged', () => {
    const summary = localize(bundledCatalog[0]?.summary ?? '', 'en');
    render(<Markdown source={summary} />, container);
    expect([...container.querySelectorAll('p > strong:first-child')].map((b) => b.textContent)).toEqual([
      'Background:',
      'Main body:',
      'Conclusion:',
    ]);
    expect(container.textContent).toBe(summary.replaceAll('**', '').replaceAll('\n\n', ''));
  });

  it('renders an ordered list that does not start at 1 with its start', () => {
    render(<Markdown source={'2. two\n3. three'} />, container);
    expect(container.querySelector('ol')?.getAttribute('start')).toBe('2');
  });

  it('renders a hard line break', () => {
    render(<Markdown source={'one  \ntwo'} />, container);
    expect(container.querySelector('p')?.innerHTML).toBe('one<br>two');
  });

  it('opens links in a new tab without giving the page a way back', () => {
    render(<Markdown source="[the post](https://researchimpact.ca/kmb-journal-club/)" />, container);
    const anchor = container.querySelector('a');
    expect(anchor?.getAttribute('href')).toBe('https://researchimpact.ca/kmb-journal-club/');
    expect(anchor?.getAttribute('target')).toBe('_blank');
    expect(anchor?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(anchor?.textContent).toBe('the post');
  });

  it('passes a class to its root', () => {
    render(<Markdown source="x" class="summary" />, container);
    expect(container.firstElementChild?.className).toBe('summary');
  });

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror="alert(1)">',
    '<iframe src="https://evil.example/"></iframe>',
    '**<svg onload=alert(1)>**',
    '[<img src=x onerror=alert(1)>](https://example.org/)',
    '<a href="javascript:alert(1)">x</a>',
  ])('shows %s as text and creates no element from it', (source) => {
    render(<Markdown source={source} />, container);
    expect(container.querySelector('script, img, iframe, svg, [onerror], [onload], a[href^="javascript"]')).toBeNull();
    expect(container.textContent).toBe(source.replace(/\*\*|\[|\]\(https:\/\/example\.org\/\)/g, ''));
  });

  it.each([
    '[x](javascript:alert(1))',
    '[x](JAVASCRIPT:alert(1))',
    '[x]( javascript:alert(1) )',
    '[x](vbscript:msgbox)',
    '[x](data:text/html,<script>alert(1)</script>)',
  ])('renders %s without a link', (source) => {
    render(<Markdown source={source} />, container);
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent?.startsWith('x')).toBe(true);
  });

  it('renders 100k characters of mixed markup in reasonable time, keeping the text', () => {
    const chunk = '**Bold** and *em* with [a link](https://example.org/) and <b>raw</b>.\n\n';
    const source = chunk.repeat(Math.ceil(100_000 / chunk.length));
    const started = performance.now();
    render(<Markdown source={source} />, container);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(container.querySelectorAll('p')).toHaveLength(Math.ceil(100_000 / chunk.length));
    expect(container.querySelector('b')).toBeNull();
  });
});
