import { afterEach, expect, describe as group, it } from 'vitest';
import { createAnchorer } from '../../utils/anchoring/index.ts';
import { UNKNOWN_POSITION } from '../../utils/highlights/position.ts';
import { mount, unmountAll } from '../support/dom/markup.ts';
import { quote } from '../support/dom/selectors.ts';

/**
 * A highlight imported from another tool with a quote and no position stores an empty span at 0
 * (`utils/highlights/position.ts`). Anchoring must read that as no position at all: find the passage by its quote
 * and context, and never treat offset 0 as evidence for the first copy of a repeated passage.
 */
afterEach(unmountAll);

group('a highlight stored without a position', () => {
  it('is found by its quote, wherever it is on the page', () => {
    const root = mount('<p>Intro.</p><p>The role of knowledge brokers in health systems.</p>');
    const found = createAnchorer(root).anchor([quote('knowledge brokers', 'The role of ', ' in'), UNKNOWN_POSITION]);
    expect(found).toMatchObject({ method: 'quote', text: 'knowledge brokers' });
  });

  it('is told apart from another copy by its context', () => {
    const root = mount('<p>We paid brokers weekly.</p><p>We trained brokers monthly.</p>');
    const found = createAnchorer(root).anchor([quote('brokers', 'We trained ', ' monthly'), UNKNOWN_POSITION]);
    expect(found?.range.startContainer).toBe(root.children[1]?.firstChild);
  });

  it('stays ambiguous between identical copies, where a real position at 0 would choose the first', () => {
    const root = mount('<p>mean and SD</p><p>mean and SD</p>');
    const selector = quote('mean and SD');
    expect(createAnchorer(root).locate([selector, UNKNOWN_POSITION])).toEqual({ orphan: 'ambiguous' });
    const first = createAnchorer(root).anchor([selector, { type: 'TextPositionSelector', start: 0, end: 11 }]);
    expect(first).toMatchObject({ method: 'position' });
  });
});
