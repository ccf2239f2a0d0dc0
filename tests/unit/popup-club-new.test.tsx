import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReadingListItem } from '../../components/popup/ReadingListItem';
import { TabStatusCard } from '../../components/popup/TabStatusCard';
import type { ReadingListEntry } from '../../utils/popup/reading-list';

const container = document.createElement('div');
document.body.append(container);
afterEach(() => render(null, container));

const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? null;

const entry = (clubNew?: number | null): ReadingListEntry => ({
  id: 'albers-2020',
  title: 'Implementation support practitioners',
  published: null,
  year: 2020,
  meeting: null,
  articleUrl: 'https://oa.example/albers',
  openAccessCopy: true,
  club: { name: 'Research Impact Canada', url: 'https://club.example/' },
  postUrl: 'https://club.example/posts/albers',
  highlights: 2,
  ...(clubNew !== undefined && { clubNew }),
});

describe('"N new from the club" in the popup', () => {
  it.each([
    [3, '3 new from the club'],
    [1, '1 new from the club'],
    [0, null],
    [null, null],
    [undefined, null],
  ])('a reading-list entry with clubNew %s shows %s', (clubNew, shown) => {
    act(() => render(<ReadingListItem entry={entry(clubNew)} language="en" current={false} />, container));
    expect(text(container.querySelector('.entry__club-new'))).toBe(shown);
    // The reader's own count is still there, beside it.
    expect(text(container.querySelector('.entry__count'))).toBe('2 highlights');
  });

  it.each([
    [5, '5 new from the club'],
    [0, null],
    [undefined, null],
  ])('the club article card with clubNew %s shows %s', (clubNew, shown) => {
    act(() =>
      render(
        <TabStatusCard
          load={{
            status: 'ready',
            value: {
              kind: 'club-article',
              entryId: 'albers-2020',
              doi: '10.1/x',
              title: 'Implementation support practitioners',
              ...(clubNew !== undefined && { clubNew }),
            },
          }}
          language="en"
          shortcut={null}
          onOpenPanel={vi.fn()}
          onReadArticle={vi.fn()}
          onOpenPdf={vi.fn()}
          onStartDiscussion={vi.fn()}
          onOpened={vi.fn()}
        />,
        container,
      ),
    );
    expect(text(container.querySelector('.status__club-new'))).toBe(shown);
  });
});
