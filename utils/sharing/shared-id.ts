import { doiKey } from '../article/doi';
import type { SharedHighlight } from './share-link';

/**
 * The id a shared highlight gets when the recipient saves it: derived from what was shared (article, question,
 * note, passage), so saving the same link twice finds the first copy instead of making a second one. Formatted
 * as a UUID (version nibble 8, "custom") because highlight ids are UUIDs everywhere else.
 */
export async function sharedHighlightId(shared: SharedHighlight): Promise<string> {
  const identity = JSON.stringify([doiKey(shared.doi), shared.questionId, shared.note, shared.selectors]);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(identity)));
  const hex = [...digest.slice(0, 16)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
