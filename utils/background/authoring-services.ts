import * as v from 'valibot';
import { collectPageMetadata, type PageMetadata, PageMetadataSchema } from '../authoring/page-metadata';
import type { DbConnection } from '../db/connection';
import { createMyClubStore, type MyClubStore } from '../db/my-club-store';

/** The one call of `scripting` the authoring page needs: a function run in a tab's top frame. */
export interface FunctionRunner {
  executeScript(injection: {
    target: { tabId: number; frameIds: number[] };
    func: () => PageMetadata;
  }): Promise<{ result?: unknown }[]>;
}

export interface AuthoringServices {
  /** The organiser's own entries and the authoring drafts; `changed` rebuilds the catalog for the named ids. */
  myClub: { store: MyClubStore; changed(ids: ReadonlySet<string>): void };
  /** The tab's bibliographic metadata, read on demand (null when no script may run there, or it answered nonsense). */
  pageMetadata(tabId: number): Promise<PageMetadata | null>;
}

/**
 * Binds the authoring page's services to the browser. Metadata is read on demand by injecting one small
 * function, so that the detector, which runs on every page, carries none of the authoring page's needs.
 */
export function createAuthoringServices(
  scripting: FunctionRunner,
  database: DbConnection,
  changed: (ids: ReadonlySet<string>) => void,
): AuthoringServices {
  return {
    myClub: { store: createMyClubStore(database), changed },
    pageMetadata: async (tabId) => {
      const ran = await scripting
        .executeScript({ target: { tabId, frameIds: [0] }, func: collectPageMetadata })
        .catch(() => []);
      const parsed = v.safeParse(PageMetadataSchema, ran[0]?.result);
      return parsed.success ? parsed.output : null;
    },
  };
}
