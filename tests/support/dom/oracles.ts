import { createTextQuoteSelectorMatcher, describeTextQuote } from '@apache-annotator/dom';

/**
 * Other anchoring libraries, used only as test oracles and benchmark baselines: Apache Annotator's DOM text-quote
 * matcher and describer, and dom-anchor-text-quote. (Their package `optimal-select` is aliased in
 * tests/vitest.config.ts, because its package.json points bundlers at a `src/` folder it does not ship.)
 */
export { toRange as domAnchorTextQuote } from 'dom-anchor-text-quote';

/** Every range where Apache Annotator finds the quote (exact, with prefix and suffix if given) under `root`. */
export async function apacheQuoteMatches(
  root: Node,
  selector: { exact: string; prefix?: string; suffix?: string },
): Promise<Range[]> {
  const matches: Range[] = [];
  const matcher = createTextQuoteSelectorMatcher({ type: 'TextQuoteSelector', ...selector });
  for await (const range of matcher(root)) matches.push(range);
  return matches;
}

/** Apache Annotator's quote selector for a range under `root`. */
export async function apacheDescribeQuote(
  range: Range,
  root: Node,
): Promise<{ exact: string; prefix?: string; suffix?: string }> {
  return describeTextQuote(range, root);
}
