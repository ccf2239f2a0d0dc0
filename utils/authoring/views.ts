import type { CatalogEntry } from '../catalog/schema';
import type { AuthoringForm } from './form';

/** What the authoring page opens with. */
export interface AuthoringStart {
  form: AuthoringForm;
  /** Where the page keeps its draft (`doi:…`, `entry:…`, `blank`). */
  draftKey: string;
  /** When the form is a draft taken up again: when it was last kept. Null for a form fresh from the page. */
  resumedFrom: string | null;
  /** The id of the saved entry being edited (Save replaces it); null for a new entry. */
  editing: string | null;
  /** Why nothing came from the page: no article on the tab, the tab gone, the entry gone. */
  notice: 'no-article' | 'tab-gone' | 'entry-gone' | null;
}

/** One of the organiser's own entries, as the options page lists it. */
export interface MyClubEntry {
  id: string;
  entry: CatalogEntry;
  savedAt: string;
}

export interface MyClubList {
  entries: MyClubEntry[];
  /** Stored entries the catalog's schema refuses today: kept, not shown, and counted so the organiser is told. */
  damaged: number;
}
