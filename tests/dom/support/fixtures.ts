import { commands } from 'vitest/browser';

/**
 * The real publisher pages in the shared fixtures folder beside the project (never copied into the repository).
 * `commands.readFile` resolves paths against the project root here, so this works from any test file.
 */
const FOLDER = '../shared/fixtures/pages/';
export const PAGE_NAMES = [
  'arxiv__10.48550_arXiv.1706.03762.html',
  'frontiers__10.3389_fpsyg.2014.00781.html',
  'nature__10.1038_s41586-021-03819-2.html',
  'plos__10.1371_journal.pone.0213978.html',
  'pmc__10.1093_nar_gks1195.html',
  'springer__10.1007_s10924-010-0192-1.html',
] as const;

export interface FixturePage {
  name: string;
  html: string;
}

/** All pages, or an empty list (with a visible warning) when the folder is absent. */
export async function loadFixturePages(): Promise<FixturePage[]> {
  const pages: FixturePage[] = [];
  for (const name of PAGE_NAMES) {
    try {
      pages.push({ name, html: await commands.readFile(FOLDER + name) });
    } catch (error) {
      console.warn(`Fixture pages not readable (${FOLDER}${name}: ${error}); tests that need real pages are skipped.`);
      return [];
    }
  }
  return pages;
}

/** A page as a document of its own: scripts do not run, stylesheets are not fetched, ranges work. */
export function parsePage(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}
