// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildImportGraph, importsOf, reachableFrom } from '../support/import-graph';
import { breaches, folderCycles, LAYER_RULES, runtimeCyclesWithinFolders } from '../support/layer-rules';
import { lineCount } from '../support/source-tree';

/**
 * The architecture test's own checker, run on small made-up trees: it must see every way a file can import
 * another, and fail (naming file, line and import) on a folder cycle, a runtime cycle and a forbidden edge.
 * Without this, a resolver that found no edges would let tests/unit/architecture.test.ts pass on anything.
 */
const tree = (files: Record<string, string>) => buildImportGraph(new Map(Object.entries(files)));
const rule = (name: string) => LAYER_RULES.find((candidate) => candidate.name === name) ?? expect.unreachable(name);

describe('importsOf', () => {
  it('sees static, re-exported, dynamic and type imports, and nothing in comments or strings', () => {
    const source = [
      "import { a } from './a';",
      "import type { B } from './b';",
      "import { type C, type D } from './c';",
      "export * from './e';",
      "export type { F } from './f';",
      '// import { commented } from "./no";',
      'const text = "import { quoted } from \'./no\'";',
      "const g = await import('./g');",
      "let h: typeof import('./h');",
      "import './side-effect.css';",
    ].join('\n');
    expect(importsOf('x.ts', source)).toEqual([
      { specifier: './a', line: 1, typeOnly: false },
      { specifier: './b', line: 2, typeOnly: true },
      { specifier: './c', line: 3, typeOnly: true },
      { specifier: './e', line: 4, typeOnly: false },
      { specifier: './f', line: 5, typeOnly: true },
      { specifier: './g', line: 8, typeOnly: false },
      { specifier: './h', line: 9, typeOnly: true },
      { specifier: './side-effect.css', line: 10, typeOnly: false },
    ]);
  });

  it('parses JSX in .tsx files', () => {
    expect(importsOf('X.tsx', "import { Y } from './Y';\nexport const X = () => <Y a={1} />;\n")).toHaveLength(1);
  });
});

describe('the graph', () => {
  const graph = tree({
    'utils/a/index.ts': "export { b } from '../b/b';",
    'utils/b/b.ts': "import { c } from './c.ts';\nexport const b = c;",
    'utils/b/c.ts': 'export const c = 1;',
    'utils/b/d.ts': "import type { B } from '../b';",
  });

  it('resolves relative specifiers with or without an extension, and folder indexes', () => {
    expect(graph.edges.map((edge) => [edge.from, edge.to])).toEqual([
      ['utils/a/index.ts', 'utils/b/b.ts'],
      ['utils/b/b.ts', 'utils/b/c.ts'],
      ['utils/b/d.ts', 'utils/b'],
    ]);
  });

  it('follows imports from an entry, type imports only when asked', () => {
    const withTypes = tree({
      'e.ts': "import type { T } from './t';\nimport { v } from './v';",
      't.ts': "import { w } from './w';",
      'v.ts': '',
      'w.ts': '',
    });
    expect(reachableFrom(withTypes, 'e.ts')).toEqual(['e.ts', 't.ts', 'v.ts', 'w.ts']);
    expect(reachableFrom(withTypes, 'e.ts', true)).toEqual(['e.ts', 'v.ts']);
  });
});

describe('the checks fail on a broken tree', () => {
  it('names a cycle between folders with the import behind each hop', () => {
    const graph = tree({
      'utils/db/schema.ts': "import type { FeedRecord } from '../feeds/record';",
      'utils/feeds/record.ts': 'export interface FeedRecord {}',
      'utils/feeds/service.ts': "import { open } from '../db/open';",
      'utils/db/open.ts': "import { schema } from './schema';",
    });
    expect(folderCycles(graph)).toEqual([
      "utils/db → utils/feeds → utils/db\n    utils/db/schema.ts:1 imports the types of '../feeds/record' (utils/feeds/record.ts)\n" +
        "    utils/feeds/service.ts:1 imports '../db/open' (utils/db/open.ts)",
    ]);
  });

  it('allows two files of a folder to import each other when one side imports types only', () => {
    const graph = tree({
      'utils/anchoring/text-index.ts': "import { map } from './text-map';",
      'utils/anchoring/text-map.ts': "import type { TextIndex } from './text-index';",
      'utils/page/a.ts': "import { b } from './b';",
      'utils/page/b.ts': "import { a } from './a';",
    });
    expect(runtimeCyclesWithinFolders(graph)).toEqual(['utils/page/a.ts → utils/page/b.ts → utils/page/a.ts']);
  });

  it('names each forbidden import by file, line and specifier', () => {
    const graph = tree({
      'utils/page/toolbar.ts': "import { h } from 'preact';\nimport { Bar } from '../../components/Bar';",
      'components/Bar.tsx': "import { browser } from 'wxt/browser';",
      'components/Feeds.tsx': "import type { FeedEntryError } from '../utils/db/feed-record';",
      'utils/db/feed-record.ts': 'export interface FeedEntryError {}',
      'entrypoints/popup/main.ts': "const db = import('../../utils/db/open');",
      'entrypoints/detector.ts':
        "export * from '../utils/protocol/requests';\nimport { d } from '../utils/article/doi';",
      'utils/db/result.ts': "import { i18n } from '#i18n';",
      'utils/catalog/parse.ts': "import { readFile } from 'node:fs/promises';",
      'utils/catalog/node-authoring/cli.ts': "import { readFile } from 'node:fs/promises';",
    });
    expect(breaches(graph, rule('utils/ never imports components/'))).toEqual([
      "utils/page/toolbar.ts:2 imports '../../components/Bar' (components/Bar.tsx)",
    ]);
    expect(breaches(graph, rule('components/ never imports wxt/browser or webextension-polyfill'))).toEqual([
      "components/Bar.tsx:1 imports 'wxt/browser'",
    ]);
    expect(breaches(graph, rule('only the background imports utils/db/ (the feed record’s shape excepted)'))).toEqual([
      "entrypoints/popup/main.ts:1 imports '../../utils/db/open' (utils/db/open)",
    ]);
    expect(breaches(graph, rule('the detector imports only utils/article/ and its protocol files'))).toEqual([
      "entrypoints/detector.ts:1 imports '../utils/protocol/requests' (utils/protocol/requests)",
    ]);
    expect(breaches(graph, rule('anchoring/ and db/ never import #i18n or ui-language'))).toEqual([
      "utils/db/result.ts:1 imports '#i18n'",
    ]);
    expect(breaches(graph, rule('only the Node authoring tool imports Node built-ins'))).toEqual([
      "utils/catalog/parse.ts:1 imports 'node:fs/promises'",
    ]);
  });
});

describe('lineCount', () => {
  it.each([
    ['', 0],
    ['one', 1],
    ['one\n', 1],
    ['one\ntwo\n', 2],
    ['one\n\n', 2],
  ])('%j has %i lines', (text, lines) => {
    expect(lineCount(text)).toBe(lines);
  });
});
