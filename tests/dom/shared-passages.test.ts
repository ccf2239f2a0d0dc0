import { afterEach, describe, expect, it } from 'vitest';
import { describe as describeRange } from '../../utils/anchoring';
import { createHtmlIntegration } from '../../utils/page/document/html';
import { SHARED_HIGHLIGHT } from '../../utils/page/highlighter/highlight-styles';
import { showSharedPassages } from '../../utils/page/shared-passages';
import type { SharedHighlight } from '../../utils/sharing/share-link';
import { findPassage } from '../support/page-text';

const ARTICLE =
  '<p>Implementation support practitioners help others use evidence.</p>' +
  '<p>They are not involved in direct service delivery or management.</p>';
let root: HTMLElement;
const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  root?.remove();
});

function mount(): void {
  root = document.createElement('article');
  root.innerHTML = ARTICLE;
  document.body.append(root);
}

function shared(needle: string): SharedHighlight {
  const range = findPassage(needle, root);
  if (!range) throw new Error(`no "${needle}"`);
  const described = describeRange(range, root);
  if (!described.ok) throw new Error(described.reason);
  return {
    doi: '10.1/x',
    questionId: 'q2',
    questionText: null,
    note: '',
    selectors: described.selectors,
    clubName: 'Club',
  };
}

const painted = () => [...(CSS.highlights.get(SHARED_HIGHLIGHT) ?? [])].map((range) => (range as Range).toString());

describe('the passages a share link carries', () => {
  it('are painted in the shared style', async () => {
    mount();
    stops.push(showSharedPassages(createHtmlIntegration(document, root), [shared('direct service delivery')]));
    await expect.poll(painted).toEqual(['direct service delivery']);
  });

  it('are found again when the text under them is drawn anew (a PDF page re-drawn after a zoom)', async () => {
    mount();
    const passage = shared('help others use evidence');
    stops.push(showSharedPassages(createHtmlIntegration(document, root), [passage]));
    await expect.poll(painted).toEqual(['help others use evidence']);
    // The same text in new nodes: the painted range collapses with the old ones.
    root.innerHTML = ARTICLE;
    expect(painted()).toEqual(['']);
    await expect.poll(painted, { timeout: 5_000 }).toEqual(['help others use evidence']);
  });

  it('are painted once the late text holding them arrives', async () => {
    mount();
    const passage = shared('direct service delivery');
    root.innerHTML = '<p>Loading…</p>';
    stops.push(showSharedPassages(createHtmlIntegration(document, root), [passage]));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(painted()).toEqual([]);
    root.innerHTML = ARTICLE;
    await expect.poll(painted, { timeout: 5_000 }).toEqual(['direct service delivery']);
  });

  it('leave nothing painted once removed', async () => {
    mount();
    const remove = showSharedPassages(createHtmlIntegration(document, root), [shared('direct service delivery')]);
    await expect.poll(painted).toEqual(['direct service delivery']);
    remove();
    expect(painted()).toEqual([]);
  });
});
