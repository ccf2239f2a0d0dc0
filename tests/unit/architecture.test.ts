// @vitest-environment node
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildImportGraph, describeEdge, type ImportGraph, reachableFrom } from '../support/import-graph';
import { breaches, folderCycles, LAYER_RULES, runtimeCyclesWithinFolders } from '../support/layer-rules';
import { lineCount, readWorkingTree } from '../support/source-tree';

/**
 * The architecture the README describes, checked on the import graph of entrypoints/, components/ and utils/, so
 * that it holds after every change rather than only on the day it was drawn. Each failure names the file, the
 * line and the import to change.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const graph: ImportGraph = buildImportGraph(readWorkingTree(root));
const files = [...graph.files.keys()];

const MAX_LINES = 300;
const DETECTOR = 'entrypoints/detector.ts';
/** The one package the detector may load: WXT's wrapper, which adds no code to the page. */
const DETECTOR_PACKAGES = ['wxt/utils/define-unlisted-script'];

const report = (title: string, lines: string[]) => (lines.length === 0 ? '' : `${title}:\n  ${lines.join('\n  ')}`);

describe('architecture', () => {
  it('reads the whole source tree, so that no rule passes on an empty graph', () => {
    expect(files).toContain(DETECTOR);
    expect(files).toContain('entrypoints/background.ts');
    expect(files.length).toBeGreaterThan(100);
    expect(graph.edges.length).toBeGreaterThan(files.length);
  });

  it('has no import cycle between folders', () => {
    expect(report('folders that import each other', folderCycles(graph))).toBe('');
  });

  it('lets two files of one folder import each other only when one side imports types only', () => {
    expect(report('runtime import cycles', runtimeCyclesWithinFolders(graph))).toBe('');
  });

  it(`has no source file over ${MAX_LINES} lines`, () => {
    const long = files
      .map((file) => ({ file, lines: lineCount(graph.files.get(file) as string) }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    expect(report(`files over ${MAX_LINES} lines (split each by idea)`, long)).toBe('');
  });

  it('keeps the every-page detector to article detection and its messages', () => {
    const reached = reachableFrom(graph, DETECTOR);
    const lines = reached.reduce((sum, file) => sum + lineCount(graph.files.get(file) as string), 0);
    console.log(`detector reaches ${reached.length} files (${lines} lines): ${reached.join(', ')}`);
    const outside = reached.filter(
      (file) => file !== DETECTOR && !file.startsWith('utils/article/') && !file.startsWith('utils/protocol/'),
    );
    const packages = graph.edges.filter(
      (edge) =>
        reached.includes(edge.from) &&
        edge.to === null &&
        !edge.typeOnly &&
        !DETECTOR_PACKAGES.includes(edge.specifier),
    );
    expect(report('detector reaches files outside utils/article/ and utils/protocol/', outside)).toBe('');
    expect(report('detector loads packages', packages.map(describeEdge))).toBe('');
  });

  it('lets no page or content script load utils/db/ at runtime', () => {
    const entries = files.filter((file) => file.startsWith('entrypoints/') && file !== 'entrypoints/background.ts');
    const loaded = entries.flatMap((entry) =>
      reachableFrom(graph, entry, true)
        .filter((file) => file.startsWith('utils/db/'))
        .map((file) => `${entry} loads ${file}`),
    );
    expect(report('the database outside the background', loaded)).toBe('');
  });

  describe('layers', () => {
    it.each(LAYER_RULES.map((rule) => [rule.name, rule] as const))('%s', (_name, rule) => {
      expect(files.some(rule.governs), 'the rule governs no file: has its folder moved?').toBe(true);
      expect(report(`${rule.name}, because ${rule.why}`, breaches(graph, rule))).toBe('');
    });
  });
});
