import { readCapped } from '../../read-capped';
import type { ClubResult } from '../backend';

/**
 * A response's JSON, read at most `maxBytes` deep: a pod's answer is a member's writing, and a member could
 * make it a gigabyte. A too-big or malformed body is an invalid response, never an exception.
 */
export async function readJsonCapped(response: Response, maxBytes: number): Promise<ClubResult<unknown>> {
  const declared = Number(response.headers.get('Content-Length') ?? Number.NaN);
  if (declared > maxBytes || response.body === null) {
    await response.body?.cancel().catch(() => {});
    return { ok: false, code: 'invalid-response', detail: response.body === null ? 'empty body' : 'too big' };
  }
  const bytes = await readCapped(response.body.getReader(), maxBytes);
  if (bytes === null) return { ok: false, code: 'invalid-response', detail: 'too big' };
  try {
    return { ok: true, value: JSON.parse(new TextDecoder().decode(bytes)) };
  } catch {
    return { ok: false, code: 'invalid-response', detail: 'not JSON' };
  }
}
