import { DEFAULT_READING_PREFS, parsePanelWidth } from '../protocol/reading-prefs';
import type { Settings } from '../protocol/responses';
import type { SessionArea } from './tab-registry';

/** Where the reader's preferences live in `storage.local`. */
export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = {
  shareBase: 'doi',
  clubHighlights: true,
  openClubPdfs: false,
  ...DEFAULT_READING_PREFS,
};

/**
 * The reader's settings as stored, with defaults for anything missing or unreadable (an older version's or a
 * damaged record must not break sharing or the panel's layout).
 */
export function parseSettings(stored: unknown): Settings {
  const record = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<
    Record<keyof Settings, unknown>
  >;
  return {
    shareBase: record.shareBase === 'page' ? 'page' : DEFAULT_SETTINGS.shareBase,
    sideBySide: typeof record.sideBySide === 'boolean' ? record.sideBySide : DEFAULT_SETTINGS.sideBySide,
    panelWidth: parsePanelWidth(record.panelWidth),
    clubHighlights:
      typeof record.clubHighlights === 'boolean' ? record.clubHighlights : DEFAULT_SETTINGS.clubHighlights,
    openClubPdfs: record.openClubPdfs === true,
  };
}

/** The reader's settings over `storage.local`, read with their defaults and written whole. */
export function createSettingsStore(local: SessionArea) {
  return {
    get: async (): Promise<Settings> => parseSettings((await local.get(SETTINGS_KEY))[SETTINGS_KEY]),
    set: async (settings: Settings): Promise<Settings> => {
      await local.set({ [SETTINGS_KEY]: settings });
      return settings;
    },
  };
}
