import { posix } from 'node:path';
import ts from 'typescript';
import type { SourceTree } from './source-tree';

/**
 * The extension's import graph, for the architecture test and bench. It parses with TypeScript's own parser
 * (not a regular expression) so that `import type`, `export … from`, `export *` and `import('…')` are all seen,
 * and nothing in a comment or a string is mistaken for an import: a layer rule is only as good as the edges it
 * is checked against. Biome's `noRestrictedImports` sees one file's own imports; this sees what a file reaches.
 */

/** One import (or re-export) as written in a file. */
export interface ImportEdge {
  from: string;
  specifier: string;
  /** 1-based, for failure messages that point at the line. */
  line: number;
  /** `import type`, `export type`, every named binding marked `type`, or `typeof import('…')`: gone at runtime. */
  typeOnly: boolean;
  /**
   * The repository path a relative specifier names: a file of the tree when it resolves to one, otherwise the
   * normalised path (a stylesheet, JSON). Null for a package or an alias (`wxt/browser`, `#i18n`, `node:fs`).
   */
  to: string | null;
}

export interface ImportGraph {
  files: SourceTree;
  edges: readonly ImportEdge[];
}

interface RawImport {
  specifier: string;
  line: number;
  typeOnly: boolean;
}

const stringOf = (node: ts.Node | undefined) =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null;

const everyElementTypeOnly = (elements: ts.NodeArray<ts.ImportSpecifier | ts.ExportSpecifier>) =>
  elements.length > 0 && elements.every((element) => element.isTypeOnly);

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return !clause.name && !!bindings && ts.isNamedImports(bindings) && everyElementTypeOnly(bindings.elements);
}

function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  const clause = node.exportClause;
  return node.isTypeOnly || (!!clause && ts.isNamedExports(clause) && everyElementTypeOnly(clause.elements));
}

/** Every module specifier in `text`: static imports, re-exports, dynamic `import()` and `import('…')` types. */
export function importsOf(path: string, text: string): RawImport[] {
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  const found: RawImport[] = [];
  const add = (node: ts.Node, specifier: string | null, typeOnly: boolean) => {
    if (specifier === null) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    found.push({ specifier, line, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) add(node, stringOf(node.moduleSpecifier), isTypeOnlyImport(node));
    else if (ts.isExportDeclaration(node)) add(node, stringOf(node.moduleSpecifier), isTypeOnlyExport(node));
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node, stringOf(node.arguments[0]), false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, stringOf(node.argument.literal), true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const CANDIDATE_SUFFIXES = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** Where a relative specifier leads from `from`, resolved as the bundler does for this project's sources. */
export function resolveSpecifier(files: SourceTree, from: string, specifier: string): string | null {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return null;
  const base = posix.normalize(posix.join(posix.dirname(from), specifier));
  return CANDIDATE_SUFFIXES.map((suffix) => base + suffix).find((candidate) => files.has(candidate)) ?? base;
}

export function buildImportGraph(files: SourceTree): ImportGraph {
  const edges: ImportEdge[] = [];
  for (const [from, text] of files) {
    for (const raw of importsOf(from, text))
      edges.push({ from, ...raw, to: resolveSpecifier(files, from, raw.specifier) });
  }
  return { files, edges };
}

/** The folder a file belongs to, for the folder-level cycle rule: its directory. */
export const folderOf = (path: string) => posix.dirname(path);

/** "utils/page/toolbar.ts:3 imports '../../components/X' (components/X.tsx)", the way every failure names an edge. */
export function describeEdge(edge: ImportEdge): string {
  const target = edge.to ? ` (${edge.to})` : '';
  return `${edge.from}:${edge.line} ${edge.typeOnly ? 'imports the types of' : 'imports'} '${edge.specifier}'${target}`;
}

/**
 * Every file `entry` reaches through imports that resolve inside the tree, itself included, in a stable order.
 * Type-only imports count unless `runtimeOnly`: they still tie the files together for a reader and a refactoring.
 */
export function reachableFrom(graph: ImportGraph, entry: string, runtimeOnly = false): string[] {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file) || !graph.files.has(file)) continue;
    seen.add(file);
    for (const edge of graph.edges) {
      if (edge.from === file && edge.to && !(runtimeOnly && edge.typeOnly)) pending.push(edge.to);
    }
  }
  return [...seen].sort();
}

/**
 * The cycles of a directed graph, one per strongly connected component (Tarjan's algorithm), each written as the
 * closed path `a → b → … → a`, shortest first from the component's first node in sorted order.
 */
export function findCycles(nodes: Iterable<string>, next: (node: string) => Iterable<string>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node) as number);
    stack.push(node);
    onStack.add(node);
    for (const to of next(node)) {
      if (!index.has(to)) {
        connect(to);
        low.set(node, Math.min(low.get(node) as number, low.get(to) as number));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node) as number, index.get(to) as number));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    const selfLoop = [...next(node)].includes(node);
    if (component.length > 1 || selfLoop) components.push(component.sort());
  };
  for (const node of [...nodes].sort()) if (!index.has(node)) connect(node);
  return components.map((component) => shortestLoop(component[0] as string, new Set(component), next));
}

/** The shortest path from `start` back to itself, staying inside its component (breadth first). */
function shortestLoop(start: string, component: Set<string>, next: (node: string) => Iterable<string>): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let at = 0; at < queue.length; at++) {
    const node = queue[at] as string;
    for (const to of [...next(node)].sort()) {
      if (!component.has(to)) continue;
      if (to === start) {
        const path = [start];
        for (let step: string | undefined = node; step !== undefined && step !== start; step = cameFrom.get(step)) {
          path.splice(1, 0, step);
        }
        return [...path, start];
      }
      if (!cameFrom.has(to) && to !== start) {
        cameFrom.set(to, node);
        queue.push(to);
      }
    }
  }
  return [start, start];
}
