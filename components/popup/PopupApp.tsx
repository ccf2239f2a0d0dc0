import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { BackgroundClient } from '../../utils/protocol/responses';
import { type ListLoad, ReadingList } from './ReadingList';
import { type StatusLoad, TabStatusCard } from './TabStatusCard';

interface PopupAppProps {
  language: string;
  send: BackgroundClient;
  /** The tab the popup reports on (see `popupTargetTab`); null when the browser named none. */
  tabId: number | null;
  shortcut: string | null;
  /** Closes the popup (`window.close`). */
  close: () => void;
  /** Opens the options page, where the reader subscribes to their clubs' catalog feeds. */
  openCatalogs: () => void;
}

/**
 * The toolbar popup: what the current tab's page is (and the way into its panel), then the club's reading list.
 * Both are asked of the background at once; either can fail without hiding the other.
 */
export function PopupApp({ language, send, tabId, shortcut, close, openCatalogs }: PopupAppProps) {
  const [status, setStatus] = useState<StatusLoad>(
    tabId === null ? { status: 'ready', value: { kind: 'no-article' } } : { status: 'loading' },
  );
  const [list, setList] = useState<ListLoad>({ status: 'loading' });

  useEffect(() => {
    if (tabId !== null) {
      void send({ type: 'tab-status', tabId }).then((reply) =>
        setStatus(reply.ok ? { status: 'ready', value: reply.value } : { status: 'failed', error: reply.error }),
      );
    }
    void send({ type: 'reading-list' }).then((reply) =>
      setList(reply.ok ? { status: 'ready', ...reply.value } : { status: 'failed', error: reply.error }),
    );
  }, [send, tabId]);

  const currentEntryId =
    status.status === 'ready' && status.value.kind === 'club-article' ? status.value.entryId : null;
  return (
    <main class="popup">
      <header class="popup__header">
        <h1 class="popup__name">{i18n.t('extension.name')}</h1>
      </header>
      <section class="popup__status" aria-labelledby="status-heading">
        <h2 id="status-heading" class="visually-hidden">
          {i18n.t('popup.thisPage')}
        </h2>
        <TabStatusCard
          load={status}
          language={language}
          shortcut={shortcut}
          onOpenPanel={() =>
            tabId === null
              ? Promise.resolve({ ok: true, value: 'no-club-article' })
              : send({ type: 'panel-open', tabId })
          }
          onReadArticle={() =>
            tabId === null ? Promise.resolve({ ok: true, value: 'no-club-post' }) : send({ type: 'post-read', tabId })
          }
          onOpenPdf={() =>
            tabId === null ? Promise.resolve({ ok: true, value: 'not-a-pdf' }) : send({ type: 'pdf-open', tabId })
          }
          onStartDiscussion={() =>
            tabId === null ? Promise.resolve({ ok: true, value: 'opened' }) : send({ type: 'author-open', tabId })
          }
          onOpened={close}
        />
      </section>
      <ReadingList load={list} language={language} currentEntryId={currentEntryId} />
      {/* After the list, so that the page's own action stays the first stop for the keyboard. */}
      <footer class="popup__footer">
        <button type="button" class="popup__catalogs" onClick={openCatalogs}>
          {i18n.t('popup.catalogs')}
        </button>
      </footer>
    </main>
  );
}
