import type { SessionArea } from '../../utils/background/tab-registry';

/** `storage.session` over a plain map, copying values in as the browser's storage does. */
export function mapSessionArea(session: Map<string, unknown>): SessionArea {
  return {
    get: async (key) =>
      key === null ? Object.fromEntries(session) : session.has(key) ? { [key]: session.get(key) } : {},
    set: async (items) => {
      for (const [k, v] of Object.entries(items)) session.set(k, structuredClone(v));
    },
    remove: async (key) => {
      session.delete(key);
    },
  };
}
