/**
 * Runs `work` over `items` with at most `limit` running at once, results in input order. Refreshing every feed
 * at once would open as many connections as there are feeds; one at a time would let one slow server hold up
 * the rest for its whole timeout.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
