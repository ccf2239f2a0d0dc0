import { ID_MAX_LENGTH } from '../../highlights/highlight';
import { REQUEST_TIMEOUT_MS } from './http-failure';
import { readJsonCapped } from './read-json';

const PROFILE_MAX_BYTES = 256 * 1024;
const NAME_PREDICATES = ['http://xmlns.com/foaf/0.1/name', 'http://www.w3.org/2006/vcard/ns#fn'];

/**
 * The name a member's public profile gives (`foaf:name`, else `vcard:fn`), or null: whatever goes wrong here,
 * the caller falls back to a name derived from the WebID, so a profile that cannot be read never stops the
 * reader from publishing. Read without the reader's token, since a WebID profile is public and may live on
 * another server than the club.
 */
export async function profileName(webId: string, fetcher: typeof fetch): Promise<string | null> {
  try {
    const response = await fetcher(webId.replace(/#.*$/s, ''), {
      headers: { Accept: 'application/ld+json' },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      return null;
    }
    const json = await readJsonCapped(response, PROFILE_MAX_BYTES);
    return json.ok ? nameIn(json.value, webId) : null;
  } catch {
    return null;
  }
}

/** In expanded JSON-LD (what a Solid server writes without a context), the first name literal of the WebID. */
function nameIn(json: unknown, webId: string): string | null {
  const nodes = Array.isArray(json) ? json : [json];
  for (const predicate of NAME_PREDICATES) {
    for (const node of nodes) {
      if (typeof node !== 'object' || node === null || (node as { '@id'?: unknown })['@id'] !== webId) continue;
      const values = (node as Record<string, unknown>)[predicate];
      const first = Array.isArray(values) ? values[0] : undefined;
      const value = typeof first === 'object' && first !== null ? (first as { '@value'?: unknown })['@value'] : null;
      if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, ID_MAX_LENGTH);
    }
  }
  return null;
}
