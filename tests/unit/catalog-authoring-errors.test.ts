import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../utils/catalog/node-authoring/catalog';
import { formatProblem } from '../../utils/catalog/node-authoring/problem';

/** A short valid entry file; its line numbers are the ones the messages below name. */
const VALID = `---
id: demo-2021
dois:
  - 10.1186/s12913-020-05145-1
title: A title
authors:
  - Albers B
citation: Albers 2020
year: 2020
articleUrls: []
club:
  name: Club
  url: https://club.example/
postUrl: https://club.example/post/
questions:
  - q1: Why?
  - q2: How?
---

## Summary

Summary text.

## Commentary

Commentary text.
`;

/** The messages the build prints for `text` as `demo.md`, and whether it kept the entry. */
function messages(text: string) {
  const { entries, problems, filesWithErrors } = buildCatalog([{ name: 'demo.md', text }]);
  return { kept: entries.length, failed: filesWithErrors, printed: problems.map(formatProblem) };
}

const breaks = (from: string, to: string) => VALID.replace(from, to);
const QUOTE_COLON = 'quote this value ("…"): in YAML, ": " inside a value starts a new field';

describe('the entry file template', () => {
  it('is valid, so each case below breaks one thing', () => {
    expect(messages(VALID)).toEqual({ kept: 1, failed: [], printed: [] });
  });
});

describe('the front matter is YAML, read by a YAML parser', () => {
  const built = (text: string) => buildCatalog([{ name: 'demo.md', text }]);

  it('reads what full YAML allows: folded values, flow lists, comments, quotes of either kind', () => {
    const text = VALID.replace('title: A title', "title: A title folded\n  onto two lines # the organiser's note")
      .replace('dois:\n  - 10.1186/s12913-020-05145-1', 'dois: [10.1186/s12913-020-05145-1] # version of record')
      .replace('citation: Albers 2020', "citation: 'Albers, B. (2020): ''Implementation'' support'")
      .replace('  - q2: How?', '  - q2: "How: and why?"\n    fr: Comment ?');
    const { entries, problems } = built(text);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(entries[0]).toMatchObject({
      title: 'A title folded onto two lines',
      dois: ['10.1186/s12913-020-05145-1'],
      citation: "Albers, B. (2020): 'Implementation' support",
      questions: [
        { id: 'q1', text: 'Why?' },
        { id: 'q2', text: { en: 'How: and why?', fr: 'Comment ?' } },
      ],
    });
  });

  it('keeps every value text until the schema reads it: `id: no` is the text "no", not false', () => {
    const { entries, problems } = built(VALID.replace('id: demo-2021', 'id: no').replace('Why?', 'yes'));
    expect(problems).toEqual([]);
    expect(entries[0]?.id).toBe('no');
    expect(entries[0]?.questions[0]?.text).toBe('yes');
    expect(entries[0]?.year).toBe(2020);
  });
});

describe('a broken entry file: one message naming file, line and field', () => {
  it.each([
    ['missing id', breaks('id: demo-2021\n', ''), 'demo.md:1: id: required'],
    [
      'bad DOI',
      breaks('- 10.1186/s12913-020-05145-1', '- 10.1186'),
      'demo.md:4: dois[0]: expected a DOI such as 10.1186/s12913-020-05145-1',
    ],
    [
      'bad URL',
      breaks('url: https://club.example/', 'url: ftp://club.example/'),
      'demo.md:13: club.url: expected an http(s) URL',
    ],
    [
      'duplicate question id',
      breaks('q2: How?', 'q1: How?'),
      'demo.md:17: questions[1].id: duplicate question id "q1"',
    ],
    [
      'question id not a slug',
      breaks('q1: Why?', 'Q1: Why?'),
      'demo.md:16: questions[0].id: expected a slug (lowercase letters and digits, joined by single hyphens)',
    ],
    [
      'question without id',
      breaks('- q1: Why?', '- Why?'),
      'demo.md:16: questions[0]: expected "- id: question text", e.g. "- q1: Why …?"',
    ],
    [
      'unknown question field',
      breaks('- q1: Why?', '- q1: Why?\n    en: Why?'),
      'demo.md:17: questions[0].en: unknown field; a question takes only "fr"',
    ],
    [
      'unknown section',
      `${VALID}\n## Notes\n\nMore.\n`,
      'demo.md:28: ## Notes: unknown section; expected ## Summary, ## Commentary, ## Résumé or ## Commentaire',
    ],
    [
      'a section named like an object property',
      `${VALID}\n## Constructor\n\nMore.\n`,
      'demo.md:28: ## Constructor: unknown section; expected ## Summary, ## Commentary, ## Résumé or ## Commentaire',
    ],
    [
      'repeated section',
      `${VALID}\n## Summary\n\nAgain.\n`,
      'demo.md:28: ## Summary: written twice; the first is at line 20',
    ],
    ['missing section', breaks('## Summary\n\nSummary text.\n\n', ''), 'demo.md:18: ## Summary: required'],
    [
      'text before the first section',
      breaks('---\n\n## Summary', '---\n# Demo\n\n## Summary'),
      'demo.md:19: text before the first section; start the body with "## Summary"',
    ],
    [
      'missing front matter',
      VALID.slice('---\n'.length),
      'demo.md:1: no front matter: the file must start with a line "---"',
    ],
    [
      'unterminated front matter',
      breaks('---\n\n## Summary', '\n## Summary'),
      'demo.md:1: the front matter that starts here never ends: add a line "---" after it',
    ],
    ['tab indentation', breaks('  - 10.1186', '\t- 10.1186'), 'demo.md:4: tab in the indentation; indent with spaces'],
    [
      'CRLF line endings keep line numbers',
      breaks('- 10.1186/s12913-020-05145-1', '- 10.1186').replaceAll('\n', '\r\n'),
      'demo.md:4: dois[0]: expected a DOI such as 10.1186/s12913-020-05145-1',
    ],
    [
      'a BOM keeps line numbers',
      `\uFEFF${breaks('postUrl: https://', 'postUrl: ')}`,
      'demo.md:14: postUrl: expected an http(s) URL',
    ],
    [
      'unknown field (a typo)',
      breaks('year: 2020', 'year: 2020\ntilte: x'),
      'demo.md:10: tilte: unknown field; expected one of id, dois, title, title_fr, authors, citation, year, articleUrls, pdfUrl, club, postUrl, published, meeting, questions',
    ],
    [
      'repeated key',
      breaks('year: 2020', 'year: 2020\nyear: 2021'),
      'demo.md:10: year: written twice; the first is at line 9',
    ],
    [
      'list where text belongs',
      breaks('title: A title', 'title:\n  - A title'),
      'demo.md:5: title: expected a value on the same line as the key',
    ],
    [
      'text where a list belongs',
      breaks('authors:\n  - Albers B', 'authors: Albers B'),
      'demo.md:6: authors: expected a list: one "- item" per line under the key, or [] for none',
    ],
    [
      'empty DOI list',
      breaks('dois:\n  - 10.1186/s12913-020-05145-1', 'dois: []'),
      'demo.md:3: dois: expected at least one item',
    ],
    [
      'club on one line',
      breaks('club:\n  name: Club\n  url: https://club.example/', 'club: Club'),
      'demo.md:11: club: expected "name:" and "url:" indented under "club:"',
    ],
    ['club without url', breaks('  url: https://club.example/\n', ''), 'demo.md:11: club.url: required'],
    [
      'empty French title',
      breaks('title: A title', 'title: A title\ntitle_fr:'),
      'demo.md:6: title_fr: expected a non-empty string',
    ],
    ['quoted year', breaks('year: 2020', 'year: "2020"'), 'demo.md:9: year: expected a number'],
    ['year out of range', breaks('year: 2020', 'year: 1500'), 'demo.md:9: year: expected a year from 1600'],
    [
      'date that does not exist',
      breaks('year: 2020', 'year: 2020\npublished: 2021-02-30'),
      'demo.md:10: published: expected a date that exists',
    ],
    ['unquoted ": " in a value', breaks('title: A title', 'title: Part one: part two'), `demo.md:5: ${QUOTE_COLON}`],
    [
      'unquoted " #" in a value',
      breaks('title: A title', 'title: Part #1'),
      'demo.md:5: title: quote this value ("…"): in YAML, " #" starts a comment',
    ],
    [
      'unquoted leading "["',
      breaks('title: A title', 'title: [Editorial] A title'),
      'demo.md:5: quote this value ("…"): in YAML, a value cannot start with "["',
    ],
    [
      'unterminated quote',
      breaks('title: A title', 'title: "A title'),
      'demo.md:5: a quoted value is never closed: add the closing quote (write \\" for a quote inside "…")',
    ],
    [
      'misaligned list item',
      breaks('  - q2: How?', '   - q2: How?'),
      'demo.md:17: indented differently from the lines above it; line up the items of a list, and the keys of an item',
    ],
    [
      'misaligned question field',
      breaks('- q1: Why?', '- q1: Why?\n      fr: Pourquoi ?'),
      'demo.md:16: indented differently from the lines above it; line up the keys of an item under its first key',
    ],
    [
      '"key: value" as an author',
      breaks('- Albers B', '- Group: Albers'),
      'demo.md:7: authors[0]: expected text, not "key: value" (quote it if it has ": ")',
    ],
  ])('%s', (_, text, expected) => {
    expect(messages(text)).toEqual({ kept: 0, failed: ['demo.md'], printed: [expected] });
  });

  it('lists every problem of a file, in line order', () => {
    const text = breaks('id: demo-2021', 'id: Demo').replace('year: 2020', 'year: 20x0').replace('Why?', '');
    expect(messages(text).printed).toEqual([
      'demo.md:2: id: expected a slug (lowercase letters and digits, joined by single hyphens)',
      'demo.md:9: year: expected a number',
      'demo.md:16: questions[0].text: expected a non-empty string',
    ]);
  });
});
