import { describe, expect, it } from 'vitest';
import { type MdBlock, parseMarkdown } from '../../utils/catalog/markdown';
import { type DigestClub, type DigestClubNode, exportMarkdown } from '../../utils/exchange';
import { ENTRY, highlightAt } from '../support/unit/export-fixtures';

const NOW = new Date('2024-05-02T12:00:00.000Z');

const member = (name: string, note: string, quote?: string, replies: DigestClubNode[] = []): DigestClubNode => ({
  annotation: {
    author: { name },
    createdAt: '2024-04-30T09:00:00.000Z',
    note,
    selectors: quote === undefined ? [] : [{ type: 'TextQuoteSelector', exact: quote }],
  },
  replies,
});

/** The digest's text after the header (citation and links) and before the "as of" line. */
const body = (markdown: string) => markdown.split('\n\n').slice(2, -1);

describe('the Markdown digest with the club’s highlights', () => {
  const mine = highlightAt('knowledge brokers', 1200, { questionId: 'q1', note: 'Mine.' });
  const club: DigestClub = {
    questions: [
      {
        questionId: 'q1',
        threads: [
          member('Bob', 'Bob’s view.', 'protected   time', [
            member('Carol', 'I disagree.', undefined, [member('Dan', 'Why?')]),
          ]),
        ],
      },
      { questionId: 'q2', threads: [member('Erin', '', 'only the club answered this')] },
      { questionId: null, threads: [member('Fay', 'Untied.', 'somewhere')] },
    ],
  };

  it('adds, under each question, the club’s highlights after the reader’s, with names, notes and replies', () => {
    const markdown = exportMarkdown(ENTRY, [mine], { language: 'en', now: NOW, club });
    expect(body(markdown)).toEqual([
      '**Question 1: What skills do brokers need?**',
      '> “knowledge brokers”',
      'Mine.',
      '_From the club:_',
      '> “protected time”',
      '**Bob** (2024-04-30): Bob’s view.',
      '↳ **Carol** (2024-04-30): I disagree.',
      '↳ ↳ **Dan** (2024-04-30): Why?',
      expect.stringMatching(/^\*\*Question 2: /),
      '_From the club:_',
      '> “only the club answered this”',
      '**Erin** (2024-04-30)',
      '**Other highlights**',
      '_From the club:_',
      '> “somewhere”',
      '**Fay** (2024-04-30): Untied.',
    ]);
  });

  it('is the reader’s alone without the option', () => {
    const without = exportMarkdown(ENTRY, [mine], { language: 'en', now: NOW });
    expect(exportMarkdown(ENTRY, [mine], { language: 'en', now: NOW, club: null })).toBe(without);
    expect(without).not.toContain('From the club');
  });

  it('escapes what members wrote as it escapes the reader’s notes: no link, image, HTML or heading gets through', () => {
    const hostile: DigestClub = {
      questions: [
        {
          questionId: 'q1',
          threads: [
            member(
              '**Mallory** [x](https://evil.example)',
              '# Heading\n<img src=x onerror=alert(1)>\n![i](https://evil.example/i.png)',
              '[click](javascript:alert(1))',
            ),
          ],
        },
      ],
    };
    const markdown = exportMarkdown(ENTRY, [], { language: 'en', now: NOW, club: hostile });
    const blocks = parseMarkdown(markdown);
    const kinds = (list: readonly MdBlock[]): string[] =>
      list.flatMap((block) =>
        block.type === 'paragraph'
          ? block.children.map((child) => child.type)
          : block.type === 'blockquote'
            ? kinds(block.children)
            : [block.type],
      );
    expect(kinds(blocks)).not.toContain('link');
    expect(markdown).toContain('\\<img');
    expect(markdown).not.toMatch(/[^\\]<img/);
    expect(markdown).toContain('\\# Heading');
    expect(markdown).toContain('**\\*\\*Mallory\\*\\* \\[x\\](https://evil.example)**');
  });
});
