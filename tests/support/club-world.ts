import { handleRequest, type RequestSender } from '../../utils/background/handle-request';
import type { ClubConfig, HypothesisConfig } from '../../utils/club/backends';
import type { BackgroundRequest } from '../../utils/protocol/requests';
import { article, makeBackgroundWorld } from './background-world';
import { GROUP, makeFakeClub, TOKEN } from './club-fake';

export const TAB = 9;
export const CLUB_DOI = '10.1186/s12913-020-05145-1';
export const PAGE_URL = 'https://bmchealthservres.biomedcentral.com/articles/10.1186/s12913-020-05145-1';
export const HYPOTHESIS: HypothesisConfig = {
  kind: 'hypothesis',
  service: 'https://hypothes.is',
  token: TOKEN,
  group: GROUP.id,
};

export const senders = {
  /** The options page (or the popup): an extension page in no tab. */
  options: { tabId: null, frameId: null, fromExtensionPage: true, url: 'chrome-extension://x/options.html' },
  /** The tab's panel frame, its ticket checked. */
  panel: { tabId: TAB, frameId: 3, fromExtensionPage: true, url: 'chrome-extension://x/panel.html', panelBound: true },
  /** The article page's own scripts. */
  page: { tabId: TAB, frameId: 0, fromExtensionPage: false, url: PAGE_URL },
} satisfies Record<string, RequestSender>;

/**
 * The background world with a fake club service behind the backend seam, and a tab showing the bundled club
 * article. `ask` sends a request as one of the senders and returns its reply.
 */
export async function makeClubWorld(name: string) {
  const club = makeFakeClub();
  const world = await makeBackgroundWorld({ name, backends: club.backends });
  world.page.article = article(CLUB_DOI);
  await handleRequest({ type: 'article-detected', article: article(CLUB_DOI) }, senders.page, world.services);
  const ask = <K extends BackgroundRequest['type']>(
    request: Extract<BackgroundRequest, { type: K }>,
    sender: RequestSender = senders.panel,
  ) => handleRequest(request, sender, world.services);
  /** Waits for the drains the requests started (they are not awaited by the requests themselves). */
  const settled = () => world.services.club.core.drain();
  const connect = async (config: ClubConfig = HYPOTHESIS, defaultVisibility: 'only-me' | 'club' = 'only-me') => {
    const reply = await ask({ type: 'club-connect', config, defaultVisibility }, senders.options);
    await settled();
    return reply;
  };
  /** A highlight made on the page, as the selection toolbar sends it. */
  const highlight = async (questionId: string | null = 'q1') => {
    const reply = await ask(
      {
        type: 'highlight-create',
        questionId,
        selectors: [
          { type: 'TextQuoteSelector', exact: 'knowledge brokers', prefix: 'the ', suffix: ' in' },
          { type: 'TextPositionSelector', start: 10, end: 27 },
        ],
        source: PAGE_URL,
      },
      senders.page,
    );
    if (!reply.ok) throw new Error(reply.error);
    await settled();
    return reply.value;
  };
  return { world, club, ask, settled, connect, highlight };
}

export type ClubWorld = Awaited<ReturnType<typeof makeClubWorld>>;
