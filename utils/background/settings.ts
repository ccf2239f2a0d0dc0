import type { Settings } from '../protocol/responses';

/** Where the reader's preferences live in `storage.local`. */
export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = { shareBase: 'doi' };

/**
 * The reader's settings as stored, with defaults for anything missing or unreadable (an older version's or a
 * damaged record must not break sharing).
 */
export function parseSettings(stored: unknown): Settings {
  const shareBase = (stored as { shareBase?: unknown } | null)?.shareBase;
  return { shareBase: shareBase === 'page' ? 'page' : DEFAULT_SETTINGS.shareBase };
}
