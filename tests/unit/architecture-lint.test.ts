// @vitest-environment node
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { DETECTOR_PROTOCOL } from '../support/layer-rules';

/**
 * Shows that the layer rules in biome.json bite: the real Biome binary lints, for each rule, one file with a
 * forbidden import (it must be refused, naming noRestrictedImports) and the same file with an allowed import (it
 * must pass). The probes are written into temporary folders beside a copy of biome.json, never into the tree.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const biome = join(root, 'node_modules/.bin/biome');
const { $schema: _schema, ...config } = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8'));

interface Lint {
  exitCode: number;
  /** How many files Biome linted: every probe, or a probe was skipped and proves nothing. */
  linted: number;
  /** The restricted-import diagnostics of each file, as "line: message". */
  restricted: Map<string, string[]>;
}

interface Diagnostic {
  category: string;
  message: string;
  location: { path: string; start: { line: number } };
}

/**
 * Lints each source as if it were the file at its path in this repository, all in one Biome run (one process
 * per probe would take seconds on a busy machine).
 */
async function lint(sources: [path: string, source: string][]): Promise<Lint> {
  const folder = mkdtempSync(join(tmpdir(), 'jc-layers-'));
  try {
    writeFileSync(join(folder, 'biome.json'), JSON.stringify(config));
    for (const [path, source] of sources) {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), source);
    }
    const args = ['lint', '--only=style/noRestrictedImports', '--reporter=json', '--max-diagnostics=none', '.'];
    const { exitCode, stdout } = await new Promise<{ exitCode: number; stdout: string }>((resolve) => {
      execFile(biome, args, { cwd: folder }, (error, stdout) => resolve({ exitCode: error ? 1 : 0, stdout }));
    });
    const report: { summary: { changed: number; unchanged: number }; diagnostics: Diagnostic[] } = JSON.parse(stdout);
    const restricted = new Map<string, string[]>();
    for (const { category, message, location } of report.diagnostics) {
      if (category !== 'lint/style/noRestrictedImports') continue;
      restricted.set(location.path, [...(restricted.get(location.path) ?? []), `${location.start.line}: ${message}`]);
    }
    return { exitCode, linted: report.summary.changed + report.summary.unchanged - 1, restricted };
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
    'pdf/doi/ never imports #i18n',
    'utils/pdf/doi/probe.ts',
    "import { i18n } from '#i18n';",
    "import { arxivDoi } from './arxiv-stamp';",
  ],
  [
    'pdf/doi/ never imports the browser API',
    'utils/pdf/doi/probe-browser.ts',
    "import { browser } from 'wxt/browser';",
    "import { normalizeDoi } from '../../article/doi';",
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
  const probe = (source: string) => `${source}\n\nexport const probe = 1;\n`;
  let refused: Lint;
  let accepted: Lint;
  beforeAll(async () => {
    [refused, accepted] = await Promise.all([
      lint(PROBES.map(([, path, forbidden]) => [path, probe(forbidden)])),
      lint(PROBES.map(([, path, , allowed]) => [path, probe(allowed)])),
    ]);
  }, 30_000);

  it('lints every probe (one file each), failing on the forbidden imports and passing the allowed ones', () => {
    expect(new Set(PROBES.map(([, path]) => path)).size).toBe(PROBES.length);
    expect([refused.linted, accepted.linted]).toEqual([PROBES.length, PROBES.length]);
    expect(refused.exitCode).not.toBe(0);
    expect(accepted.exitCode).toBe(0);
  });

  it.each(PROBES)('%s (%s)', (_rule, path, forbidden, allowed) => {
    expect(refused.restricted.get(path), `Biome let ${path} ${forbidden}`).toEqual([expect.stringMatching(/^1: /)]);
    expect(accepted.restricted.get(path), `Biome refused ${path} ${allowed}`).toBeUndefined();
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
