import { readCapped } from '../read-capped';

/**
 * Raw deflate through the platform's CompressionStream: no library, and the same format in the extension, in
 * pages and in Node. Inflating is bounded because its input comes from links anyone can write.
 */

/** Input handed to the decompressor at a time: at deflate's best ratio (~1:1032) one piece yields at most ~0.5 MB. */
const FEED_BYTES = 512;

export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new CompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  // Written and closed without waiting: the readable side is drained below, which is what lets the writes finish.
  const writing = writer.write(bytes as Uint8Array<ArrayBuffer>).then(() => writer.close());
  const out = await readCapped(stream.readable.getReader(), Number.POSITIVE_INFINITY);
  await writing;
  return out ?? new Uint8Array(0);
}

export type InflateResult = Uint8Array | 'too-large' | 'corrupt';

/**
 * The inflated bytes, `'too-large'` as soon as the output passes `maxBytes`, or `'corrupt'` for data that is not
 * complete raw deflate. Never throws. The input is fed in small pieces and the output read as it comes, so a
 * zip bomb is stopped after about `maxBytes` plus one piece's worth of output, not after inflating all of it.
 */
export async function inflateRawCapped(bytes: Uint8Array, maxBytes: number): Promise<InflateResult> {
  let stream: DecompressionStream;
  try {
    stream = new DecompressionStream('deflate-raw');
  } catch {
    return 'corrupt';
  }
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const feeding = (async () => {
    for (let i = 0; i < bytes.length; i += FEED_BYTES) {
      await writer.write(bytes.slice(i, i + FEED_BYTES));
    }
    await writer.close();
  })();
  // Its failures show on the reading side too (or do not matter once reading stopped).
  feeding.catch(() => {});
  try {
    const out = await readCapped(reader, maxBytes);
    if (out !== null) return out;
    await writer.abort().catch(() => {});
    return 'too-large';
  } catch {
    return 'corrupt';
  }
}
