import { builtinModules } from 'node:module';
import { describeEdge, findCycles, folderOf, type ImportEdge, type ImportGraph } from './import-graph';

/**
 * The layers of the extension, as rules over the import graph. biome.json states the same rules with
 * `noRestrictedImports`, which catches a forbidden import in the editor; these run in `npm test` whatever the lint
 * configuration says, and also see what Biome cannot: `export * from`, dynamic `import()`, whether an import is
 * type-only, and what a file reaches through others. Keep the two in step (tests/unit/architecture-lint.test.ts
 * runs Biome on one forbidden and one allowed import per rule).
 */
export interface LayerRule {
  /** Says the rule as a sentence; it names the test. */
  name: string;
  /** Why the layer exists, printed with every breach. */
  why: string;
  governs(file: string): boolean;
  forbids(edge: ImportEdge): boolean;
}

/** The detector's message files: what the every-page script needs to talk to the background, and nothing more. */
export const DETECTOR_PROTOCOL = [
  'utils/protocol/client.ts',
  'utils/protocol/reply.ts',
  'utils/protocol/detector-messages.ts',
];

/** The background's side of the extension: the only code that opens IndexedDB. */
const BACKGROUND_SIDE = ['entrypoints/background.ts', 'utils/background/', 'utils/feeds/', 'utils/db/'];
const NODE_AUTHORING = 'utils/catalog/node-authoring/';
const BROWSER_MODULES = ['wxt/browser', 'webextension-polyfill', '@wxt-dev/webextension-polyfill'];
const I18N_MODULES = ['#i18n', '@wxt-dev/i18n'];

const under = (file: string, ...folders: string[]) => folders.some((folder) => file.startsWith(folder));
/** A package import, or one of its subpaths (`wxt/browser`, `wxt/browser/…`). */
const isModule = (specifier: string, modules: string[]) =>
  modules.some((name) => specifier === name || specifier.startsWith(`${name}/`));
const isNodeBuiltin = (specifier: string) =>
  specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0] as string);

export const LAYER_RULES: LayerRule[] = [
  {
    name: 'utils/ never imports components/',
    why: 'utils/ decides and never draws; components/ are the extension pages’ Preact views.',
    governs: (file) => under(file, 'utils/'),
    forbids: (edge) => under(edge.to ?? '', 'components/'),
  },
  {
    name: 'components/ never imports wxt/browser or webextension-polyfill',
    why: 'components draw what they are given; browser APIs are reached through utils/.',
    governs: (file) => under(file, 'components/'),
    forbids: (edge) => isModule(edge.specifier, BROWSER_MODULES),
  },
  {
    name: 'only the background imports utils/db/ (the feed record’s shape excepted)',
    why: 'only the background opens the database; pages and content scripts ask it by message.',
    governs: (file) => under(file, 'entrypoints/', 'components/', 'utils/') && !under(file, ...BACKGROUND_SIDE),
    forbids: (edge) => under(edge.to ?? '', 'utils/db/') && edge.to !== 'utils/db/feed-record.ts',
  },
  {
    name: 'the detector imports only utils/article/ and its protocol files',
    why: 'the detector runs on every page: it carries article detection and the messages it sends, nothing else.',
    governs: (file) => file === 'entrypoints/detector.ts',
    forbids: (edge) =>
      edge.specifier !== 'wxt/utils/define-unlisted-script' &&
      !under(edge.to ?? '', 'utils/article/') &&
      !DETECTOR_PROTOCOL.includes(edge.to ?? ''),
  },
  {
    name: 'utils/article/ imports only utils/article/',
    why: 'it is what the detector loads on every page.',
    governs: (file) => under(file, 'utils/article/'),
    forbids: (edge) => edge.to === null || folderOf(edge.to) !== 'utils/article',
  },
  {
    name: 'the detector’s protocol files import only utils/article/ and each other',
    why: 'the detector loads them on every page; the full protocol (valibot schemas, every reply) stays out.',
    governs: (file) => DETECTOR_PROTOCOL.includes(file),
    forbids: (edge) => !under(edge.to ?? '', 'utils/article/') && !DETECTOR_PROTOCOL.includes(edge.to ?? ''),
  },
  {
    name: 'anchoring/ and db/ never import #i18n or ui-language',
    why: 'they return codes, never sentences; the UI maps each code to text in the reader’s language.',
    governs: (file) => under(file, 'utils/anchoring/', 'utils/db/'),
    forbids: (edge) => isModule(edge.specifier, I18N_MODULES) || edge.to === 'utils/ui-language.ts',
  },
  {
    name: 'pdf/doi/ never imports #i18n, ui-language or the browser API',
    why: 'the PDF DOI finder returns facts (a DOI, its source, a title); the viewer words them and owns the browser.',
    governs: (file) => under(file, 'utils/pdf/doi/'),
    forbids: (edge) =>
      isModule(edge.specifier, [...I18N_MODULES, ...BROWSER_MODULES]) || edge.to === 'utils/ui-language.ts',
  },
  {
    name: 'no extension code imports the Node authoring tool',
    why: 'utils/catalog/node-authoring/ is the command-line tool behind `npm run catalog`, run by Node only.',
    governs: (file) => !under(file, NODE_AUTHORING),
    forbids: (edge) => under(edge.to ?? '', NODE_AUTHORING),
  },
  {
    name: 'only the Node authoring tool imports Node built-ins',
    why: 'the extension runs in browsers; Node is for the authoring tool and the tests.',
    governs: (file) => !under(file, NODE_AUTHORING),
    forbids: (edge) => isNodeBuiltin(edge.specifier),
  },
];

/** Every import that breaks `rule`, named by file, line and specifier. */
export function breaches(graph: ImportGraph, rule: LayerRule): string[] {
  return graph.edges.filter((edge) => rule.governs(edge.from) && rule.forbids(edge)).map(describeEdge);
}

/**
 * Cycles between folders, each as `a → b → a` followed by one import that makes each hop, so the message says
 * which line to change. Type-only imports count: a folder that needs another's types still depends on it.
 */
export function folderCycles(graph: ImportGraph): string[] {
  const hops = new Map<string, ImportEdge[]>();
  for (const edge of graph.edges) {
    if (!edge.to || !graph.files.has(edge.to) || folderOf(edge.to) === folderOf(edge.from)) continue;
    const key = `${folderOf(edge.from)}\n${folderOf(edge.to)}`;
    hops.set(key, [...(hops.get(key) ?? []), edge]);
  }
  const next = (folder: string) =>
    [...hops.keys()].filter((key) => key.startsWith(`${folder}\n`)).map((key) => key.split('\n')[1] as string);
  const folders = new Set([...graph.files.keys()].map(folderOf));
  return findCycles(folders, next).map((cycle) => {
    const steps = cycle.slice(1).map((to, i) => describeEdge(hops.get(`${cycle[i]}\n${to}`)?.[0] as ImportEdge));
    return `${cycle.join(' → ')}\n    ${steps.join('\n    ')}`;
  });
}

/**
 * Cycles between files of one folder made only of imports that stay at runtime. Two files may share types both
 * ways (a text index and its map), but a runtime cycle makes the load order decide which one sees `undefined`.
 */
export function runtimeCyclesWithinFolders(graph: ImportGraph): string[] {
  const runtime = graph.edges.filter(
    (edge) => !edge.typeOnly && edge.to && graph.files.has(edge.to) && folderOf(edge.to) === folderOf(edge.from),
  );
  const next = (file: string) => runtime.filter((edge) => edge.from === file).map((edge) => edge.to as string);
  return findCycles(graph.files.keys(), next).map((cycle) => cycle.join(' → '));
}
