import { beforeEach, expect, it } from 'vitest';
import { handleRequest, type RequestSender } from '../../utils/background/handle-request';
import { panelSnapshot } from '../../utils/background/panel-snapshot';
import { article, type BackgroundWorld, makeBackgroundWorld } from '../support/background-world';

/** What a panel's port opens with: the same answers the panel would have asked for as it loaded. */
const TAB = 7;
const page: RequestSender = { tabId: TAB, frameId: 0, fromExtensionPage: false, url: 'https://example.org/article' };
const CLUB_DOI = '10.1186/S12913-020-05145-1';

let world: BackgroundWorld;
beforeEach(async () => {
  world = await makeBackgroundWorld({ name: 'panel-snapshot-test' });
});

it('carries the panel’s state and the article’s highlights, with what the page last anchored', async () => {
  await handleRequest({ type: 'article-detected', article: article(CLUB_DOI) }, page, world.services);
  const created = await handleRequest(
    {
      type: 'highlight-create',
      questionId: null,
      selectors: [
        { type: 'TextQuoteSelector', exact: 'support', prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 0, end: 7 },
      ],
      source: 'https://example.org/article',
    },
    page,
    world.services,
  );
  if (!created.ok) throw new Error(created.error);
  await handleRequest({ type: 'anchors-report', anchors: { [created.value.id]: 'anchored' } }, page, world.services);

  const event = await panelSnapshot(TAB, world.services);
  if (event.type !== 'state' || !event.state.ok || !event.highlights.ok) throw new Error(JSON.stringify(event));
  expect(event.state.value?.entry?.id).toBe('albers-2020');
  expect(event.state.value?.layout).toBe('open');
  expect(event.highlights.value.highlights.map((h) => h.id)).toEqual([created.value.id]);
  expect(event.highlights.value.anchors).toEqual({ [created.value.id]: 'anchored' });
});

it('says there is nothing to show on a tab without a club article, as the requests would', async () => {
  const event = await panelSnapshot(TAB, world.services);
  expect(event).toMatchObject({ type: 'state', state: { ok: true, value: null }, highlights: { ok: false } });
});
