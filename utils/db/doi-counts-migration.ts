import type { IDBPDatabase, IDBPTransaction } from 'idb';

/**
 * v5: `doiCounts`, the number of highlight records per DOI key, counted here from the highlights already
 * stored so that the popup's counts are right from the first opening after the update. Counted as the `byDoi`
 * index counts (damaged records included, text keys only), because that is what the popup showed before.
 * Literal names, as every step: this records the schema as it was at v5 (see `migrations.ts`).
 */
export async function countHighlightsPerDoi(
  db: IDBPDatabase<unknown>,
  tx: IDBPTransaction<unknown, string[], 'versionchange'>,
): Promise<void> {
  const counts = db.createObjectStore('doiCounts', { keyPath: 'doiKey' });
  const index = tx.objectStore('highlights').index('byDoi');
  const keys: string[] = [];
  // One step per distinct key ('nextunique'), not per highlight: a reader has far fewer articles than notes.
  for (let cursor = await index.openKeyCursor(null, 'nextunique'); cursor; cursor = await cursor.continue()) {
    if (typeof cursor.key === 'string') keys.push(cursor.key);
  }
  const totals = await Promise.all(keys.map((key) => index.count(key)));
  await Promise.all(keys.map((key, i) => counts.put({ doiKey: key, count: totals[i] })));
}
