import { doiFromUrl, normalizeDoi, sameDoi } from './doi';

/**
 * The page's own article in its schema.org JSON-LD, for what it says about access. Other nodes (cited works,
 * the journal, a paywalled `hasPart`, recommended articles) describe other things and are never consulted.
 */

export interface JsonLdArticle {
  /** `isAccessibleForFree` as a boolean, or null when the node does not say. */
  free: boolean | null;
  license: string | null;
}

const ARTICLE_TYPES = new Set(['scholarlyarticle', 'medicalscholarlyarticle', 'article']);
/** Caps that keep a hostile page (thousands of scripts, megabyte blobs) from costing more than a real one. */
const MAX_SCRIPTS_SCANNED = 500;
const MAX_JSON_LD_SCRIPTS = 10;
const MAX_SCRIPT_LENGTH = 512 * 1024;
const MAX_NODES = 200;
const MAX_IDENTIFIERS = 20;

/** The article node for `doi`: one that names the DOI, else the only article node that names no other DOI. */
export function findJsonLdArticle(doc: Document, doi: string): JsonLdArticle | null {
  const nodes = articleNodes(doc);
  let unnamed: Record<string, unknown> | null = null;
  let unnamedCount = 0;
  for (const node of nodes) {
    const dois = nodeDois(node);
    if (dois.some((d) => sameDoi(d, doi))) return describe(node);
    if (dois.length === 0) {
      unnamed = node;
      unnamedCount++;
    }
  }
  return unnamed !== null && unnamedCount === 1 ? describe(unnamed) : null;
}

function articleNodes(doc: Document): Record<string, unknown>[] {
  const scripts = doc.getElementsByTagName('script');
  const total = Math.min(scripts.length, MAX_SCRIPTS_SCANNED);
  const found: Record<string, unknown>[] = [];
  let parsed = 0;
  for (let i = 0; i < total && parsed < MAX_JSON_LD_SCRIPTS; i++) {
    const script = scripts[i];
    const type = script?.getAttribute('type');
    if (!script || !type || type.trim().toLowerCase() !== 'application/ld+json') continue;
    parsed++;
    const text = script.textContent;
    if (!text || text.length > MAX_SCRIPT_LENGTH) continue;
    for (const node of topNodes(parseJson(text))) {
      if (found.length >= MAX_NODES) return found;
      if (isArticle(node)) found.push(node);
    }
  }
  return found;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Malformed JSON-LD is common (trailing commas, unescaped newlines) and simply says nothing.
    return null;
  }
}

/** Top-level nodes, `@graph` members and a page's `mainEntity`: where the page describes itself. */
function topNodes(data: unknown): Record<string, unknown>[] {
  const nodes: Record<string, unknown>[] = [];
  const add = (value: unknown) => {
    if (!isObject(value) || nodes.length >= MAX_NODES) return;
    nodes.push(value);
    for (const main of asList(value.mainEntity).slice(0, MAX_NODES)) {
      if (isObject(main) && nodes.length < MAX_NODES) nodes.push(main);
    }
  };
  for (const item of asList(data).slice(0, MAX_NODES)) {
    add(item);
    if (isObject(item)) for (const member of asList(item['@graph']).slice(0, MAX_NODES)) add(member);
  }
  return nodes;
}

function isArticle(node: Record<string, unknown>): boolean {
  return asList(node['@type']).some((type) => typeof type === 'string' && ARTICLE_TYPES.has(typeName(type)));
}

/** `ScholarlyArticle`, `schema:ScholarlyArticle` and `https://schema.org/ScholarlyArticle` are one type. */
function typeName(type: string): string {
  return type.slice(Math.max(type.lastIndexOf('/'), type.lastIndexOf(':')) + 1).toLowerCase();
}

function nodeDois(node: Record<string, unknown>): string[] {
  const dois: string[] = [];
  const strings: string[] = [];
  for (const field of ['@id', 'url', 'sameAs', 'identifier', 'doi']) {
    for (const value of asList(node[field])) {
      if (typeof value === 'string') strings.push(value);
      else if (isObject(value)) {
        for (const inner of [value.value, value['@id'], value.url]) if (typeof inner === 'string') strings.push(inner);
      }
    }
  }
  for (const value of strings.slice(0, MAX_IDENTIFIERS)) {
    const doi = normalizeDoi(value) ?? doiFromUrl(value);
    if (doi !== null) dois.push(doi);
  }
  return dois;
}

function describe(node: Record<string, unknown>): JsonLdArticle {
  return { free: booleanValue(node.isAccessibleForFree), license: licenseValue(node.license) };
}

/** schema.org booleans arrive as `true`, `"True"`, `"true"` or `https://schema.org/True`. */
function booleanValue(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return null;
  const name = typeName(value.trim());
  if (name === 'true' || name === 'yes') return true;
  if (name === 'false' || name === 'no') return false;
  return null;
}

function licenseValue(value: unknown): string | null {
  for (const item of asList(value)) {
    if (typeof item === 'string') return item;
    if (isObject(item)) {
      for (const inner of [item.url, item['@id']]) if (typeof inner === 'string') return inner;
    }
  }
  return null;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
