import { afterAll, expect, describe as group, it } from 'vitest';
import { createAnchorer, describe } from '../../utils/anchoring/index.ts';
import { loadFixturePages, parsePage } from '../support/dom/fixtures.ts';
import { sameBoundaries } from '../support/dom/markup.ts';
import { createRng, type Rng } from '../support/dom/prng.ts';
import { CHARACTER, selectableTextNodes } from '../support/dom/selectable.ts';

/**
 * describe → anchor round trips on real publisher pages: random selections made from the DOM (not from our
 * index), on the same copy of the page and on a second, separately parsed copy.
 */
const pages = await loadFixturePages();
const RANGES_PER_PAGE = 150;
/** An offset in `node` just before (or, `after`, just after) a random visible character. */
function randomCharacter(rng: Rng, node: Text, after: boolean): number | null {
  const positions: number[] = [];
  for (let i = 0; i < node.data.length; i++) {
    const code = node.data.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    if (CHARACTER.test(node.data.charAt(i))) positions.push(i);
  }
  if (positions.length === 0) return null;
  const at = rng.pick(positions);
  if (!after) return at;
  const code = node.data.charCodeAt(at);
  return at + (code >= 0xd800 && code <= 0xdbff ? 2 : 1);
}

/** Child-index path from the root, to find "the same node" in another copy of the page. */
function pathOf(node: Node, root: Node): number[] {
  const path: number[] = [];
  for (let n: Node = node; n !== root && n.parentNode !== null; n = n.parentNode) {
    path.unshift(Array.prototype.indexOf.call(n.parentNode.childNodes, n));
  }
  return path;
}

const tally: Record<string, { ranges: number; tooLong: number }> = {};
afterAll(() => console.info('round trips on fixture pages:', tally));

group.skipIf(pages.length === 0)('describe → anchor round trip on real pages', () => {
  it.each(pages.map((p) => [p.name, p.html]))('gives back the same text and boundary points on %s', (name, html) => {
    const copyA = parsePage(html);
    const copyB = parsePage(html);
    const nodes = selectableTextNodes(copyA.body);
    const anchorerA = createAnchorer(copyA.body);
    const anchorerB = createAnchorer(copyB.body);
    const rng = createRng(name.length * 7919);
    const stats = { ranges: 0, tooLong: 0 };
    tally[name] = stats;
    while (stats.ranges < RANGES_PER_PAGE) {
      const i = rng.int(0, nodes.length - 1);
      const j = Math.min(nodes.length - 1, i + rng.pick([0, 0, 1, 3, 10]));
      const startNode = nodes[i] as Text;
      const endNode = nodes[j] as Text;
      const start = randomCharacter(rng, startNode, false);
      const end = randomCharacter(rng, endNode, true);
      if (start === null || end === null || (i === j && end <= start)) continue;
      const range = copyA.createRange();
      range.setStart(startNode, start);
      range.setEnd(endNode, end);
      const described = describe(range, copyA.body);
      if (!described.ok) {
        expect(described.reason).toBe('too-long');
        stats.tooLong++;
        continue;
      }
      stats.ranges++;
      const [quote] = described.selectors;
      const same = anchorerA.anchor(described.selectors);
      expect({ quote, method: same?.method, text: same?.text }).toEqual({
        quote,
        method: 'position',
        text: quote.exact,
      });
      expect({ quote, same: sameBoundaries(same?.range as Range, range) }).toEqual({ quote, same: true });

      const other = anchorerB.anchor(described.selectors);
      expect(other?.text).toBe(quote.exact);
      const paths = (r: Range, root: Node) => [
        pathOf(r.startContainer, root),
        r.startOffset,
        pathOf(r.endContainer, root),
        r.endOffset,
      ];
      expect(paths(other?.range as Range, copyB.body)).toEqual(paths(range, copyA.body));
    }
  });
});
