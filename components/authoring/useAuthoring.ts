import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AuthoringForm } from '../../utils/authoring/form';
import type { AuthoringStart } from '../../utils/authoring/views';
import type { CatalogEntry } from '../../utils/catalog/schema';
import type { BackgroundClient } from '../../utils/protocol/responses';

/** How long typing pauses before the draft is kept: often enough that a crash loses a few words at most. */
export const DRAFT_DELAY_MS = 400;

export type Load = { status: 'loading' } | { status: 'failed'; error: string } | { status: 'ready' };
export type DraftState = { status: 'idle' } | { status: 'kept'; at: string } | { status: 'failed'; error: string };
export type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; id: string }
  | { status: 'refused'; error: string };

/**
 * The authoring page's state: the form, asked of the background on opening (a draft, a saved entry or the
 * page's metadata), kept as a draft a moment after each change, and saved to "My club". A save answered with a
 * refusal changes nothing stored: the entry as it was stays, and so does the draft.
 */
export function useAuthoring(send: BackgroundClient, target: { tabId: number | null; entryId: string | null }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [start, setStart] = useState<AuthoringStart | null>(null);
  const [form, setFormState] = useState<AuthoringForm | null>(null);
  // The form as the last change left it, which a second change in the same task (autofill filling several boxes,
  // a paste into two fields) builds on; the rendered `form` still holds the one before the first.
  const latest = useRef<AuthoringForm | null>(null);
  const [draft, setDraft] = useState<DraftState>({ status: 'idle' });
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<{ key: string; form: AuthoringForm } | null>(null);
  const draftKey = useRef('blank');
  const editing = useRef<string | null>(null);

  useEffect(() => {
    void send({ type: 'author-start', tabId: target.tabId, entryId: target.entryId }).then((reply) => {
      if (!reply.ok) return setLoad({ status: 'failed', error: reply.error });
      draftKey.current = reply.value.draftKey;
      editing.current = reply.value.editing;
      setStart(reply.value);
      latest.current = reply.value.form;
      setFormState(reply.value.form);
      setLoad({ status: 'ready' });
    });
  }, [send, target.tabId, target.entryId]);

  const flush = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const kept = pending.current;
    pending.current = null;
    if (!kept) return;
    void send({ type: 'author-draft', key: kept.key, form: kept.form }).then((reply) =>
      setDraft(reply.ok ? { status: 'kept', at: reply.value.savedAt } : { status: 'failed', error: reply.error }),
    );
  }, [send]);

  // Closing the tab right after typing still sends what was typed (the background outlives the page).
  useEffect(() => {
    const onHide = () => flush();
    addEventListener('pagehide', onHide);
    return () => removeEventListener('pagehide', onHide);
  }, [flush]);

  /** Applies a change to the form as the last change left it. */
  const setForm = useCallback(
    (change: (current: AuthoringForm) => AuthoringForm) => {
      if (!latest.current) return;
      const next = change(latest.current);
      latest.current = next;
      setFormState(next);
      setSave((current) => (current.status === 'saving' ? current : { status: 'idle' }));
      pending.current = { key: draftKey.current, form: next };
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(flush, DRAFT_DELAY_MS);
    },
    [flush],
  );

  const saveEntry = useCallback(
    async (entry: CatalogEntry) => {
      // A draft still waiting is not sent after the save: the saved entry replaces it.
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
      pending.current = null;
      setSave({ status: 'saving' });
      const reply = await send({
        type: 'my-club-save',
        entry,
        replaces: editing.current,
        draftKey: draftKey.current,
      });
      if (!reply.ok) return setSave({ status: 'refused', error: reply.error });
      editing.current = reply.value.id;
      draftKey.current = `entry:${reply.value.id}`;
      setSave({ status: 'saved', id: reply.value.id });
      return reply.value.id;
    },
    [send],
  );

  /** The form as it would open without the draft (the saved entry or the page); null when it cannot be had. */
  const withoutDraft = useCallback(async () => {
    const reply = await send({ type: 'author-start', tabId: target.tabId, entryId: target.entryId, fresh: true });
    return reply.ok ? reply.value.form : null;
  }, [send, target.tabId, target.entryId]);

  return { load, start, form, setForm, draft, save, saveEntry, withoutDraft, editing: () => editing.current };
}
