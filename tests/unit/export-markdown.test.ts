import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MdBlock, type MdInline, parseMarkdown } from '../../utils/catalog/markdown';
import { exportMarkdown } from '../../utils/exchange';
import { escapeLine } from '../../utils/exchange/markdown-export';
import type { Highlight } from '../../utils/highlights/highlight';
import { ENTRY, highlightAt } from '../support/unit/export-fixtures';

/** Midday, so that the local date is the same in every time zone the tests may run in. */
const NOW = new Date('2024-05-02T12:00:00.000Z');

const HEADER = [
  'Albers, B., Metz, A. and Burke, K. (2020) Implementation support practitioners. BMC HSR 20:368.',
  '',
  'DOI: <https://doi.org/10.1186/s12913-020-05145-1>  ',
  'Open-access copy: <https://bmchealthservres.biomedcentral.com/articles/10.1186/s12913-020-05145-1>',
];

describe('exportMarkdown', () => {
  const skills = highlightAt('knowledge brokers', 1200, {
    questionId: 'q1',
    note: 'Brokers need protected time.\nAnd a budget.',
  });
  const earlier = highlightAt('implementation   support\npractitioners', 300, { questionId: 'q1', note: '' });
  const untied = highlightAt('the role', 50, { questionId: null, note: 'Compare with *facilitation*.' });
  const lostQuestion = highlightAt('a proposal', 10, { questionId: 'gone', note: '' });
  const links = new Map([[skills.id, 'https://example.org/share#h=1']]);
  const shareLinkFor = (h: Highlight) => links.get(h.id) ?? null;

  it('lists the citation, the links, then each answered question in page order, then the rest', () => {
    const markdown = exportMarkdown(ENTRY, [skills, untied, lostQuestion, earlier], {
      language: 'en',
      shareLinkFor,
      now: NOW,
    });
    expect(markdown).toBe(
      [
        ...HEADER,
        '',
        '**Question 1: What skills do brokers need?**',
        '',
        '> “implementation support practitioners”',
        '',
        '> “knowledge brokers” ([link](https://example.org/share#h=1))',
        '',
        'Brokers need protected time.  ',
        'And a budget.',
        '',
        '**Other highlights**',
        '',
        '> “a proposal”',
        '',
        '> “the role”',
        '',
        'Compare with \\*facilitation\\*.',
        '',
        'Highlights as of 2024-05-02.',
        '',
      ].join('\n'),
    );
  });

  it('uses the French question text for a French reader, keeping the club numbering', () => {
    const second = highlightAt('who pays', 5, { questionId: 'q2', note: '' });
    const markdown = exportMarkdown(ENTRY, [second, skills], { language: 'fr-CA', now: NOW });
    expect(markdown).toContain('**Question 1: De quelles compétences les courtiers ont-ils besoin ?**');
    expect(markdown).toContain('**Question 2: Who pays for this role?**');
    expect(markdown).not.toContain('Question 3');
    expect(markdown).not.toContain('[link]');
  });

  it('says so when there are no highlights', () => {
    expect(exportMarkdown(ENTRY, [], { language: 'en', now: NOW })).toBe(
      [...HEADER, '', 'No highlights yet.', '', 'Highlights as of 2024-05-02.', ''].join('\n'),
    );
  });

  it('leaves out an open-access line when there is no copy', () => {
    const markdown = exportMarkdown({ ...ENTRY, articleUrls: [] }, [], { language: 'en', now: NOW });
    expect(markdown).toContain('DOI: <https://doi.org/10.1186/s12913-020-05145-1>\n\nNo highlights yet.');
  });

  it.each([
    [
      'a share link with parentheses and spaces',
      'https://example.org/a (b)',
      '([link](https://example.org/a%20%28b%29))',
    ],
    ['a javascript: share link', 'javascript:alert(1)', null],
    ['a share link that is not a URL', 'not a url', null],
  ])('makes %s safe', (_, link, expected) => {
    const markdown = exportMarkdown(ENTRY, [skills], { language: 'en', shareLinkFor: () => link, now: NOW });
    if (expected === null) expect(markdown).not.toContain('[link]');
    else expect(markdown).toContain(expected);
  });

  it.each([
    ['raw HTML', '<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['a link', '[click](https://evil.example)', '\\[click\\](https://evil.example)'],
    ['an image', '![x](https://evil.example/p.png)', '!\\[x\\](https://evil.example/p.png)'],
    ['emphasis and code', '**bold** _em_ `code`', '\\*\\*bold\\*\\* \\_em\\_ \\`code\\`'],
    ['a heading', '# Title', '\\# Title'],
    ['a bullet list', '- item', '\\- item'],
    ['a plus list', '+ item', '\\+ item'],
    ['an ordered list', '12. item', '12\\. item'],
    ['an ordered list with a parenthesis', '1) item', '1\\) item'],
    ['a blockquote', '> quoted', '\\> quoted'],
    ['a thematic break', '---', '\\---'],
    ['a setext underline', 'Title\n===', 'Title  \n\\==='],
    ['entities', 'a &amp; b', 'a \\&amp; b'],
    ['a backslash', 'C:\\temp', 'C:\\\\temp'],
    ['a table row', '| a | b |', '\\| a \\| b \\|'],
    ['strikethrough', '~~gone~~', '\\~\\~gone\\~\\~'],
    ['an indented code block', '    code()', 'code()'],
    ['Windows line breaks', 'one\r\ntwo', 'one  \ntwo'],
    ['several blank lines', 'one\n\n\n\ntwo', 'one\n\ntwo'],
    ['control characters', 'a\u0000b\u001bc', 'abc'],
    ['a number that is not a list', '2024 was a year', '2024 was a year'],
  ])('escapes %s in a note', (_, note, expected) => {
    const markdown = exportMarkdown(ENTRY, [highlightAt('x', 1, { questionId: null, note })], {
      language: 'en',
      now: NOW,
    });
    expect(markdown).toContain(`> “x”\n\n${expected}\n\nHighlights as of`);
  });

  it('escapes quotes and question text too', () => {
    const entry = { ...ENTRY, questions: [{ id: 'q1', text: 'Is <b>this</b> [it]?' }] };
    const markdown = exportMarkdown(entry, [highlightAt('*a* <i>b</i>', 1, { questionId: 'q1', note: '' })], {
      language: 'en',
      now: NOW,
    });
    expect(markdown).toContain('**Question 1: Is \\<b\\>this\\</b\\> \\[it\\]?**');
    expect(markdown).toContain('> “\\*a\\* \\<i\\>b\\</i\\>”');
  });

  it('never lets a note add links, emphasis or HTML, and keeps its words (property)', () => {
    const markup = fc.string({ unit: fc.constantFrom(...'ab 1.#-+=>*_`[]()<>!&|~\\\n\t:/'.split('')), maxLength: 80 });
    fc.assert(
      fc.property(markup, (note) => {
        const markdown = exportMarkdown(ENTRY, [highlightAt('quote', 1, { questionId: null, note })], {
          language: 'en',
          now: NOW,
        });
        // Every `<` is escaped, or opens one of our two autolinks.
        expect(markdown.replace(/<https:\/\/[^>\s]+>/g, '')).not.toMatch(/(^|[^\\])</);
        const blocks = parseMarkdown(markdown);
        const kinds = new Set(inlines(blocks).map((node) => node.type));
        expect(kinds.has('link')).toBe(false);
        expect(kinds.has('em')).toBe(false);
        expect(blocks.filter((b) => b.type === 'list')).toEqual([]);
        const rendered = plainText(blocks);
        for (const line of note.split('\n')) expect(rendered).toContain(line.trim());
      }),
    );
  });

  it('escapes a line so that the project’s Markdown renderer shows it as written', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'a1 .#-+=>*_`[]()<>!&|~\\'.split('')) }), (line) => {
        const text = plainText(parseMarkdown(escapeLine(line.trim())));
        expect(text).toBe(line.trim());
      }),
    );
  });
});

function inlines(blocks: MdBlock[]): MdInline[] {
  const out: MdInline[] = [];
  const visit = (nodes: MdInline[]) => {
    for (const node of nodes) {
      out.push(node);
      if (node.type !== 'text' && node.type !== 'break') visit(node.children);
    }
  };
  for (const block of blocks) {
    if (block.type === 'paragraph') visit(block.children);
    else if (block.type === 'list') for (const item of block.items) visit(item);
    else out.push(...inlines(block.children));
  }
  return out;
}

function plainText(blocks: MdBlock[]): string {
  return inlines(blocks)
    .map((node) => (node.type === 'text' ? node.text : node.type === 'break' ? '\n' : ''))
    .join('');
}
