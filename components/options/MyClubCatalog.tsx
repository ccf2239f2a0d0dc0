import { useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import { localize } from '../../utils/catalog/localized';
import { formatDateTime } from '../../utils/options/format-time';
import type { BackgroundClient } from '../../utils/protocol/responses';
import { UndoBar } from '../UndoBar';
import { MyClubDownloads } from './MyClubDownloads';
import { PublishToClub } from './PublishToClub';
import { useMyClub } from './useMyClub';

/**
 * "My club": the entries the organiser wrote on the authoring page, beside the bundled catalog and the feeds.
 * Edit opens the authoring page on the entry; Delete takes it out of the catalog at once, with Undo. Each entry
 * can be published to the connected club, and the whole catalog downloaded as a feed or a Markdown folder.
 */
export function MyClubCatalog({ send, language }: { send: BackgroundClient; language: string }) {
  const club = useMyClub(send);
  const heading = useRef<HTMLHeadingElement>(null);
  const entries = club.list?.entries ?? [];
  return (
    <section class="card" aria-labelledby="my-club-heading">
      <h2 id="my-club-heading" ref={heading} tabIndex={-1}>
        {i18n.t('myClub.heading')}
      </h2>
      <p class="note">{i18n.t('myClub.note')}</p>
      {club.error && (
        <p class="field-error" role="alert">
          {club.error}
        </p>
      )}
      {club.list && entries.length === 0 && <p>{i18n.t('myClub.empty')}</p>}
      {club.list && club.list.damaged > 0 && <p class="field-error">{i18n.t('myClub.damaged', club.list.damaged)}</p>}
      {entries.length > 0 && (
        <ul class="my-club" aria-labelledby="my-club-heading">
          {entries.map((mine) => {
            const title = localize(mine.entry.title, language);
            return (
              <li key={mine.id} class="my-club__entry">
                <p class="my-club__title">{title}</p>
                <p class="note">
                  {i18n.t('myClub.facts', [mine.entry.dois[0] ?? '', mine.id, formatDateTime(mine.savedAt, language)])}
                </p>
                <div class="my-club__actions">
                  <a
                    class="button"
                    href={`author.html?entry=${encodeURIComponent(mine.id)}`}
                    target="_blank"
                    rel="noopener"
                    aria-label={i18n.t('myClub.editEntry', [title])}
                  >
                    {i18n.t('myClub.edit')}
                  </a>
                  <button
                    type="button"
                    class="button button--danger"
                    aria-label={i18n.t('myClub.deleteEntry', [title])}
                    onClick={() =>
                      void club.remove(mine.id).then((removed) => {
                        if (removed) heading.current?.focus();
                      })
                    }
                  >
                    {i18n.t('myClub.delete')}
                  </button>
                </div>
                <PublishToClub entry={mine.entry} send={send} />
              </li>
            );
          })}
        </ul>
      )}
      {entries.length > 0 && <MyClubDownloads entries={entries.map((mine) => mine.entry)} />}
      <UndoBar
        activeKey={club.deleted?.key ?? null}
        message={i18n.t('myClub.deleted', [club.deleted ? localize(club.deleted.entry.entry.title, language) : ''])}
        onUndo={() => void club.undo()}
        onDismiss={club.forgetDeleted}
      />
    </section>
  );
}
