import { type DbConnection, withDb } from './connection';
import { deleteDraft, deleteMyClub, getDraft, listMyClub, putDraft, putMyClub } from './my-club';
import type { DraftRecord, MyClubRecord } from './schema';

/** "My club" entries and authoring drafts over a connection, for the background's authoring requests. */
export function createMyClubStore(database: DbConnection) {
  return {
    list: () => withDb(database, listMyClub),
    put: (record: MyClubRecord, replaces: string | null) => withDb(database, (db) => putMyClub(db, record, replaces)),
    remove: (id: string) => withDb(database, (db) => deleteMyClub(db, id)),
    draft: (key: string) => withDb(database, (db) => getDraft(db, key)),
    saveDraft: (record: DraftRecord) => withDb(database, (db) => putDraft(db, record)),
    dropDraft: (key: string) => withDb(database, (db) => deleteDraft(db, key)),
  };
}

export type MyClubStore = ReturnType<typeof createMyClubStore>;
