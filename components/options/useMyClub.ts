import { useCallback, useEffect, useState } from 'preact/hooks';
import type { MyClubEntry, MyClubList } from '../../utils/authoring/views';
import type { BackgroundClient } from '../../utils/protocol/responses';

export interface MyClubState {
  list: MyClubList | null;
  error: string | null;
  /** The entry deleted last, while its Undo is offered; `key` restarts the undo bar's countdown. */
  deleted: { entry: MyClubEntry; key: number } | null;
  remove(id: string): Promise<boolean>;
  undo(): Promise<void>;
  forgetDeleted(): void;
}

/** The options page's "My club": the organiser's entries as the background last listed them, delete and undo. */
export function useMyClub(send: BackgroundClient): MyClubState {
  const [list, setList] = useState<MyClubList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<MyClubState['deleted']>(null);
  const reload = useCallback(async () => {
    const reply = await send({ type: 'my-club' });
    if (reply.ok) setList(reply.value);
    setError(reply.ok ? null : reply.error);
  }, [send]);
  useEffect(() => {
    void reload();
    // An entry saved in the authoring tab shows up when the organiser comes back to this one.
    const onVisible = () => document.visibilityState === 'visible' && void reload();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reload]);

  const remove = async (id: string) => {
    const reply = await send({ type: 'my-club-delete', id });
    if (!reply.ok) {
      setError(reply.error);
      return false;
    }
    if (reply.value) setDeleted({ entry: reply.value, key: Date.now() });
    await reload();
    return true;
  };
  const undo = async () => {
    if (!deleted) return;
    const reply = await send({ type: 'my-club-restore', entry: deleted.entry.entry });
    if (reply.ok) {
      setList(reply.value);
      setDeleted(null);
    }
    setError(reply.ok ? null : reply.error);
  };
  return { list, error, deleted, remove, undo, forgetDeleted: () => setDeleted(null) };
}
