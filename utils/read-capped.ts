/** How a bounded request is made: which `fetch` (tests pass their own), how long it may take, how much it may read. */
export interface CappedFetchOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxBytes?: number;
}

/**
 * Everything a byte stream yields, or null as soon as it passes `maxBytes` (the reader is then cancelled). Used
 * where the input is not ours to trust: a share link's compressed payload, a catalog feed's body. Stopping early
 * means a hostile input costs at most `maxBytes` of memory, whatever it claims or expands to.
 */
export async function readCapped(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  maxBytes: number,
): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
