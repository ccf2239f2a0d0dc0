// @vitest-environment node
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DETECTOR_PROTOCOL } from '../support/layer-rules';

/**
 * Shows that the layer rules in biome.json bite: for each rule, the real Biome binary lints one file with a
 * forbidden import (it must fail, naming noRestrictedImports) and the same file with an allowed import (it must
 * pass). Each probe is written into its own temporary folder beside a copy of biome.json, never into the tree.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const biome = join(root, 'node_modules/.bin/biome');
const { $schema: _schema, ...config } = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8'));

interface Lint {
  exitCode: number;
  /** The restricted-import diagnostics, as "line: message". */
  restricted: string[];
}

/** Lints `source` as if it were the file at `path` in this repository. */
async function lint(path: string, source: string): Promise<Lint> {
  const folder = mkdtempSync(join(tmpdir(), 'jc-layers-'));
  try {
    writeFileSync(join(folder, 'biome.json'), JSON.stringify(config));
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), source);
    const args = ['lint', '--only=style/noRestrictedImports', '--reporter=json', path];
    const { exitCode, stdout } = await new Promise<{ exitCode: number; stdout: string }>((resolve) => {
      execFile(biome, args, { cwd: folder }, (error, stdout) => resolve({ exitCode: error ? 1 : 0, stdout }));
    });
    const diagnostics: { category: string; message: string; location: { start: { line: number } } }[] =
      JSON.parse(stdout).diagnostics;
    const restricted = diagnostics
      .filter((diagnostic) => diagnostic.category === 'lint/style/noRestrictedImports')
      .map((diagnostic) => `${diagnostic.location.start.line}: ${diagnostic.message}`);
    return { exitCode, restricted };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** [rule, file, forbidden import, allowed import]; each import is a whole statement on line 1. */
const PROBES: [string, string, string, string][] = [
  [
    'utils/ never imports components/',
    'utils/highlights/probe.ts',
    "import { Panel } from '../../components/Panel';",
    "import { styleForQuestion } from './question-colors';",
  ],
  [
    'components/ never imports wxt/browser',
    'components/Probe.tsx',
    "import { browser } from 'wxt/browser';",
    "import { useState } from 'preact/hooks';",
  ],
  [
    'components/ never imports webextension-polyfill',
    'components/popup/Probe.tsx',
    "import browser from 'webextension-polyfill';",
    "import { ReadingList } from './ReadingList';",
  ],
  [
    'a page may not open the database',
    'entrypoints/popup/probe.ts',
    "import { openJournalClubDb } from '../../utils/db/open';",
    "import { PopupApp } from '../../components/popup/PopupApp';",
  ],
  [
    'a component may name the feed record’s shape, not open the database',
    'components/options/Probe.tsx',
    "export { openJournalClubDb } from '../../utils/db/open.ts';",
    "import type { FeedEntryError } from '../../utils/db/feed-record';",
  ],
  [
    'the background may open the database, not the Node authoring tool',
    'utils/background/probe.ts',
    "import { buildCatalog } from '../catalog/node-authoring/catalog';",
    "import { openJournalClubDb } from '../db/open';",
  ],
  [
    'the detector imports only utils/article/ and its protocol files',
    'entrypoints/detector.ts',
    "import { BackgroundRequestSchema } from '../utils/protocol/requests';",
    "import { ARTICLE_QUERY } from '../utils/protocol/detector-messages';",
  ],
  [
    'utils/article/ imports only utils/article/',
    'utils/article/probe.ts',
    "import { createCatalogIndex } from '../catalog/lookup';",
    "import { normalizeDoi } from './doi';",
  ],
  [
    'the detector’s protocol files import only utils/article/ and each other',
    'utils/protocol/detector-messages.ts',
    "import type { Highlight } from '../highlights/highlight';",
    "import type { ArticleInfo } from '../article/detect';",
  ],
  [
    'anchoring/ never imports #i18n',
    'utils/anchoring/probe.ts',
    "import { i18n } from '#i18n';",
    "import { codePointLength } from './code-points.ts';",
  ],
  [
    'db/ never imports ui-language',
    'utils/db/probe.ts',
    "import { uiLanguage } from '../ui-language.ts';",
    "import { writeTransaction } from './write';",
  ],
  [
    'no extension code imports the Node authoring tool',
    'utils/catalog/probe.ts',
    "import { buildCatalog } from './node-authoring/catalog';",
    "import { parseCatalog } from './parse';",
  ],
  [
    'only the Node authoring tool imports Node built-ins',
    'utils/feeds/probe.ts',
    "import { readFile } from 'node:fs/promises';",
    "import { parseFeedUrl } from './feed-url';",
  ],
  [
    'the Node authoring tool may import Node built-ins, not the database',
    'utils/catalog/node-authoring/probe.ts',
    "import { openJournalClubDb } from '../../db/open';",
    "import { readFile } from 'node:fs/promises';",
  ],
];

describe('biome.json layer rules', () => {
  it.concurrent.each(PROBES)('%s (%s)', async (_rule, path, forbidden, allowed) => {
    const [refused, accepted] = await Promise.all([
      lint(path, `${forbidden}\n\nexport const probe = 1;\n`),
      lint(path, `${allowed}\n\nexport const probe = 1;\n`),
    ]);
    expect(refused.restricted, `Biome let ${path} ${forbidden}`).toHaveLength(1);
    expect(refused.restricted[0]).toMatch(/^1: /);
    expect(refused.exitCode).not.toBe(0);
    expect(accepted, `Biome refused ${path} ${allowed}`).toEqual({ exitCode: 0, restricted: [] });
  });

  it('names the same detector protocol files as the graph check, and they exist', () => {
    const overrides: { includes: string[]; linter: { rules: { style: { noRestrictedImports: RuleOptions } } } }[] =
      config.overrides;
    const forDetector = overrides.find((override) => override.includes.includes('entrypoints/detector.ts'));
    const allowed = forDetector?.linter.rules.style.noRestrictedImports.options.patterns[0]?.group ?? [];
    expect(overrides.map((override) => override.includes)).toContainEqual(DETECTOR_PROTOCOL);
    for (const file of DETECTOR_PROTOCOL) {
      expect(existsSync(join(root, file)), `${file} is gone: update biome.json and layer-rules.ts`).toBe(true);
      expect(allowed).toContain(`!../${file.replace(/\.ts$/, '')}`);
      expect(overrides.some((override) => override.includes.includes(`!${file}`))).toBe(true);
    }
  });
});

interface RuleOptions {
  options: { patterns: { group: string[] }[] };
}
