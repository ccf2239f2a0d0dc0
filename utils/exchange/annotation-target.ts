import { hasType, iriOf, isRecord, many } from './json-ld';
import { ANNOTATION_MAX_PARTS, REFINED_BY_MAX_DEPTH } from './limits';

/**
 * Finds the passage an annotation highlights: the first target that is a part of a page (a SpecificResource with
 * a `source`) picked out by a TextQuoteSelector. Other tools write it in all the model's equivalent forms, and
 * all are read: one target or an array of them, the items of a Composite, List or Independents target, one
 * selector or an array, and a quote that refines another selector (`refinedBy`, e.g. a quote within a fragment:
 * the quote and its context are still the page's words, and anchoring finds them in the whole text).
 *
 * A position is kept only beside the quote at the top of the target. A refined position counts from the start
 * of what it refines, not of the page, so it would mislead anchoring; without one the quote alone is stored
 * (`highlights/position.ts`).
 *
 * When no target can be highlighted, the refusal says what there was instead, because that is what tells the
 * reader whether another tool could do better: a whole page or file, selectors of kinds we cannot follow (CSS,
 * XPath, SVG…), or no target at all.
 */

export type TargetRead =
  | {
      ok: true;
      source: string;
      /** The target's `scope` IRIs: the article of which the page is a copy, in our exports. */
      scopes: string[];
      quote: Record<string, unknown>;
      position: Record<string, unknown> | null;
    }
  | { ok: false; reason: 'too-large' | 'no-target' | 'no-source' }
  | { ok: false; reason: 'whole-resource'; resource: string }
  | { ok: false; reason: 'other-selectors'; kinds: string[] };

const GROUPS = ['Composite', 'List', 'Independents'];

export function readTarget(annotation: Record<string, unknown>): TargetRead {
  const targets: unknown[] = [];
  for (const target of many(annotation.target)) {
    if (isRecord(target) && GROUPS.some((type) => hasType(target.type, type))) targets.push(...many(target.items));
    else targets.push(target);
    if (targets.length > ANNOTATION_MAX_PARTS) return { ok: false, reason: 'too-large' };
  }
  let wholeResource: string | null = null;
  let noSource = false;
  const kinds = new Set<string>();
  for (const target of targets) {
    if (!isRecord(target) || target.source === undefined) {
      wholeResource ??= iriOf(target);
      noSource ||= isRecord(target) && target.selector !== undefined;
      continue;
    }
    const source = iriOf(target.source);
    if (source === null) {
      noSource = true;
      continue;
    }
    const selectors = many(target.selector);
    if (selectors.length > ANNOTATION_MAX_PARTS) return { ok: false, reason: 'too-large' };
    if (selectors.length === 0) wholeResource ??= source;
    const quote = findQuote(selectors, kinds);
    if (quote !== null) {
      const position = selectors.find((s) => isRecord(s) && s.type === 'TextPositionSelector');
      const scopes = many(target.scope, ANNOTATION_MAX_PARTS)
        .map(iriOf)
        .filter((iri) => iri !== null);
      return { ok: true, source, scopes, quote, position: isRecord(position) ? position : null };
    }
  }
  if (kinds.size > 0) return { ok: false, reason: 'other-selectors', kinds: [...kinds].slice(0, 3) };
  if (noSource) return { ok: false, reason: 'no-source' };
  if (wholeResource !== null) return { ok: false, reason: 'whole-resource', resource: wholeResource };
  return { ok: false, reason: 'no-target' };
}

/** The first quote among the selectors or what refines them, noting the kinds of the others as it goes. */
function findQuote(selectors: unknown[], kinds: Set<string>): Record<string, unknown> | null {
  for (const first of selectors) {
    let selector = first;
    for (let depth = 0; depth <= REFINED_BY_MAX_DEPTH && isRecord(selector); depth++) {
      if (selector.type === 'TextQuoteSelector') return selector;
      if (typeof selector.type === 'string') kinds.add(selector.type.slice(0, 40));
      [selector] = many(selector.refinedBy);
    }
    if (typeof first === 'string') kinds.add(first.slice(0, 80));
  }
  return null;
}
