import { useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { ClubAnnotation } from '../utils/club/backend';
import { GUARDED } from '../utils/panel/click-guard';
import { useAnnounce } from './Announcer';
import { useClub } from './ClubContext';
import { NoteEditor } from './NoteEditor';

type Mode = 'idle' | 'replying' | 'editing' | 'confirming';

/**
 * What the reader can do with one club annotation: reply to anyone's; edit or delete only their own (`mine`; the
 * background checks again). Deleting asks first, with the Delete button guarded like the panel's other
 * destructive clicks: a deletion on the club's service cannot be undone from here.
 */
export function ClubAnnotationActions({ annotation, context }: { annotation: ClubAnnotation; context: string }) {
  const club = useClub();
  const announce = useAnnounce();
  const [mode, setMode] = useState<Mode>('idle');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  if (!club) return null;

  const close = () => {
    setMode('idle');
    // The editor's buttons are gone; the button that opened it takes focus back.
    requestAnimationFrame(() => opener.current?.focus());
  };
  const open = (next: Mode) => {
    setError(null);
    setMode(next);
  };
  const send = async (note: string, run: (note: string) => Promise<string | null>, done: string) => {
    if (note.trim() === '') return i18n.t('clubPanel.emptyNote');
    const failure = await run(note);
    if (failure === null) announce(done);
    return failure;
  };
  const remove = async () => {
    if (busy) return;
    setBusy(true);
    const failure = await club.remove(annotation.remoteId);
    setBusy(false);
    if (failure === null) announce(i18n.t('clubPanel.deleted'));
    else setError(failure);
  };

  return (
    <div class="club-actions">
      {mode === 'replying' && (
        <NoteEditor
          initialNote=""
          label={i18n.t('clubPanel.replyLabel')}
          context={context}
          onSave={(note) => send(note, (text) => club.reply(annotation.remoteId, text), i18n.t('clubPanel.replied'))}
          onClose={close}
        />
      )}
      {mode === 'editing' && (
        <NoteEditor
          initialNote={annotation.note}
          context={context}
          onSave={(note) => send(note, (text) => club.edit(annotation.remoteId, text), i18n.t('clubPanel.edited'))}
          onClose={close}
        />
      )}
      {mode === 'confirming' && (
        <div class="club-actions__confirm">
          <p role="alert">{i18n.t('clubPanel.confirmDelete')}</p>
          <button
            type="button"
            class="button button--danger"
            {...GUARDED}
            aria-disabled={busy || undefined}
            onClick={() => void remove()}
          >
            {i18n.t('clubPanel.deleteYes')}
          </button>
          <button type="button" class="button" onClick={close}>
            {i18n.t('clubPanel.deleteNo')}
          </button>
        </div>
      )}
      {mode === 'idle' && (
        <div class="hl-actions">
          <button
            ref={opener}
            type="button"
            class="button"
            aria-label={i18n.t('clubPanel.replyTo', [context])}
            onClick={() => open('replying')}
          >
            {i18n.t('clubPanel.reply')}
          </button>
          {annotation.mine && (
            <>
              <button
                type="button"
                class="button"
                aria-label={i18n.t('clubPanel.editLabel', [context])}
                onClick={() => open('editing')}
              >
                {i18n.t('clubPanel.edit')}
              </button>
              <button
                type="button"
                class="button button--danger"
                aria-label={i18n.t('clubPanel.deleteLabel', [context])}
                onClick={() => open('confirming')}
              >
                {i18n.t('clubPanel.delete')}
              </button>
            </>
          )}
        </div>
      )}
      {error && (
        <p class="hl-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
