import { render } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { Announcer } from '../../../components/Announcer';
import { type ClubFocus, ClubProvider } from '../../../components/ClubContext';
import { ClubRefresh } from '../../../components/ClubRefresh';
import { HighlightsSection } from '../../../components/HighlightsSection';
import type { ClubLayerClient } from '../../../components/useClubLayer';
import type { ClubAnnotation } from '../../../utils/club/backend';
import type { ClubNode } from '../../../utils/club/threads';
import type { ClubLayerView } from '../../../utils/club/views';
import type { Highlight } from '../../../utils/highlights/highlight';
import type { Reply } from '../../../utils/protocol/reply';
import { container, QUESTIONS } from './highlights-harness';

/** Fixed "now" for the club's relative times: an hour after the fixtures' annotations. */
export const NOW = Date.parse('2026-11-27T15:05:00.000Z');

let count = 0;
/** A member's annotation: a highlight with a quote, or (with `replyTo`) a reply. */
export function annotation(more: Partial<ClubAnnotation> & { quote?: string } = {}): ClubAnnotation {
  count += 1;
  const { quote, ...rest } = more;
  return {
    remoteId: `remote-${count}`,
    author: { id: 'acct:bob@example.org', name: 'Bob' },
    mine: false,
    createdAt: '2026-11-27T14:05:00.000Z',
    updatedAt: '2026-11-27T14:05:00.000Z',
    questionId: 'q2',
    note: '',
    selectors: quote === undefined ? [] : [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }],
    replyTo: null,
    ...rest,
  };
}

export const node = (a: ClubAnnotation, replies: ClubNode[] = []): ClubNode => ({ annotation: a, replies });

export function layerView(more: Partial<ClubLayerView> = {}): ClubLayerView {
  return {
    connected: true,
    me: { id: 'acct:alice@example.org', name: 'Alice' },
    lastFetched: '2026-11-27T15:00:00.000Z',
    failure: null,
    threads: { questions: [], onMine: {}, total: 0, unthreaded: 0 },
    shares: {},
    newCount: 0,
    seenBefore: null,
    ...more,
  };
}

/** A client whose every request answers with `view` (changed by the test as the service would). */
export function fakeClient(view: () => ClubLayerView) {
  const answer = async () => ({ ok: true as const, value: view() });
  return {
    layer: vi.fn(answer),
    reply: vi.fn(answer),
    edit: vi.fn(answer),
    remove: vi.fn(answer),
    visibility: vi.fn(async (_id: string, visibility: 'only-me' | 'club') => ({
      ok: true as const,
      value: { visibility, share: visibility === 'club' ? { visibility, state: 'queued' as const } : null },
    })),
    reveal: vi.fn(async () => ({ ok: true as const, value: null })),
    highlightsShown: vi.fn(async (show?: boolean): Promise<Reply<boolean>> => ({ ok: true, value: show ?? true })),
  } satisfies ClubLayerClient;
}

/** Renders the club's status and the questions with the reader's `highlights`, in a club provider over `client`. */
export async function mountClub(client: ClubLayerClient, highlights: Highlight[] = [], focus: ClubFocus | null = null) {
  await act(async () => {
    render(
      <Announcer>
        <ClubProvider client={client} locale="en-GB" timeZone="UTC" now={() => NOW} focus={focus}>
          <ClubRefresh />
          <HighlightsSection
            questions={QUESTIONS}
            highlights={highlights}
            anchors={Object.fromEntries(highlights.map((h) => [h.id, 'anchored']))}
            pageUrl="https://bmchealthservres.biomedcentral.com/articles/10.1186/s12913-020-05145-1"
            focus={null}
            locale="en-GB"
            timeZone="UTC"
            onReveal={vi.fn()}
            onSaveNote={vi.fn(async () => null)}
            onRetie={vi.fn(async () => null)}
            onDelete={vi.fn(async () => ({ ok: false as const, error: 'no' }))}
            onRestore={vi.fn(async () => null)}
          />
        </ClubProvider>
      </Announcer>,
      container,
    );
  });
  await settled();
}

/** Lets the club requests answer and Preact draw what they brought. */
export const settled = () =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
