import { describe, expect, it } from 'vitest';
import { exportBackup, IMPORT_MAX_CHARS, planImport } from '../../utils/exchange';
import { annotations, entryForDoi, jsonLd, NOW, tied, untied } from '../support/unit/export-fixtures';

describe('planImport: formats', () => {
  it.each([
    ['a backup', exportBackup([tied, untied], NOW)],
    ['a backup with a byte order mark', `\uFEFF${exportBackup([tied, untied], NOW)}`],
    ['an annotation collection', jsonLd([tied, untied])],
    [
      'an annotation page',
      JSON.stringify({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: 'urn:x',
        type: 'AnnotationPage',
        items: annotations([tied, untied]),
      }),
    ],
    ['an array of annotations', JSON.stringify(annotations([tied, untied]))],
    ['an array of stored highlights', JSON.stringify([tied, untied])],
  ])('reads %s', (_, text) => {
    const plan = planImport(text, [], { entryForDoi });
    expect(plan.summaryText).toBe('2 new');
    expect([...plan.toWrite].sort((a, b) => a.createdAt.localeCompare(b.createdAt))).toEqual([tied, untied]);
  });

  it('reads a single annotation', () => {
    const plan = planImport(
      JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', ...annotations([tied])[0] }),
      [],
      { entryForDoi },
    );
    expect(plan.toWrite).toEqual([tied]);
  });

  it('reads an empty collection as nothing to do', () => {
    const plan = planImport(jsonLd([]), []);
    expect(plan).toEqual({
      toWrite: [],
      summary: { added: 0, updated: 0, unchanged: 0, invalid: [], duplicates: [] },
      summaryText: 'The file holds no highlights.',
    });
  });
});

describe('planImport: files it refuses', () => {
  const broken = '{\n  "format": "journal-club-reader/backup",\n  "version": 1,\n  "highlights": [}\n';
  it.each([
    ['an empty file', '', 'the file', 'The file is empty.'],
    ['a blank file', ' \n\t', 'the file', 'The file is empty.'],
    [
      'an oversized file',
      ' '.repeat(IMPORT_MAX_CHARS + 1),
      'the file',
      'The file is 20.0 MB; files over 20 MB cannot be imported.',
    ],
    ['a number', '42', 'the file', 'This file holds only a number, not highlights.'],
    ['a string', '"hello"', 'the file', 'This file holds only a piece of text, not highlights.'],
    ['null', 'null', 'the file', 'This file holds only null, not highlights.'],
    ['a boolean', 'true', 'the file', 'This file holds only a true/false value, not highlights.'],
    [
      'another JSON document',
      '{"name": "package"}',
      'the file',
      'This file is neither a Journal Club Reader backup nor W3C Web Annotations.',
    ],
    [
      'a newer backup',
      '{"format": "journal-club-reader/backup", "version": 2}',
      'the file',
      'This backup was made by a newer version of Journal Club Reader; update the extension to restore it.',
    ],
    [
      'a backup of unknown version',
      '{"format": "journal-club-reader/backup", "version": "1"}',
      'the file',
      'This backup has an unknown format version.',
    ],
    [
      'a backup without its list',
      '{"format": "journal-club-reader/backup", "version": 1, "highlights": {}}',
      'the file',
      'This backup has no list of highlights.',
    ],
    [
      'a collection that links to its page',
      '{"type": "AnnotationCollection", "first": "https://example.org/page1"}',
      'the file',
      'This annotation collection only links to its annotations.',
    ],
    [
      'a page that continues elsewhere',
      '{"type": "AnnotationPage", "items": [], "next": "https://example.org/page2"}',
      'the file',
      'The annotations continue on further pages that are not in this file.',
    ],
    ['a page without items', '{"type": "AnnotationPage"}', 'the file', 'The annotation page has no list of items.'],
    [
      'a syntax error',
      broken,
      'line 4, column 18',
      'This file is not valid JSON: there is a mistake at line 4, column 18.',
    ],
    [
      'a truncated file',
      '{\n  "highlights": [\n    {"id": "abc',
      'line 3, column 16',
      'The file ends before its JSON is complete (line 3, column 16); it may have been cut short.',
    ],
    [
      'a Markdown file',
      '# My highlights\n',
      'line 1, column 1',
      'This file is not JSON: choose a Journal Club Reader backup or a W3C Web Annotation file.',
    ],
    [
      'too many items',
      `[${'0,'.repeat(50_000)}0]`,
      'the file',
      'The file holds 50,001 highlights; at most 50,000 can be imported at once.',
    ],
  ])('refuses %s, saying why and where', (_, text, where, reason) => {
    expect(planImport(text, [])).toEqual({
      toWrite: [],
      summary: { added: 0, updated: 0, unchanged: 0, invalid: [{ where, reason }], duplicates: [] },
      summaryText: `Nothing to import. ${reason}`,
    });
  });

  it('points at the line of a truncated backup', () => {
    const text = exportBackup([tied, untied], NOW);
    const cut = text.slice(0, text.indexOf('"the role"') + 5);
    const plan = planImport(cut, []);
    expect(plan.summary.invalid[0]?.where).toBe(
      `line ${cut.split('\n').length}, column ${(cut.split('\n').at(-1)?.length ?? 0) + 1}`,
    );
    expect(plan.toWrite).toEqual([]);
  });

  it('survives nesting deep enough to overflow a recursive parser', () => {
    expect(planImport('['.repeat(1_000_000), []).summaryText).toMatch(/cut short/);
    expect(planImport(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, []).summaryText).toMatch(
      /^1 invalid — entry #1: /,
    );
  });
});
