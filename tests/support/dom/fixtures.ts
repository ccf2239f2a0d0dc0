import { commands } from 'vitest/browser';
import { REAL_PAGES, REAL_PAGES_FROM_ROOT, type RealPage } from '../real-pages.mjs';

/**
 * The real publisher pages (tests/support/real-pages.mjs), read in the browser. `commands.readFile` resolves
 * paths against the project root here, so this works from any test file.
 */
export interface FixturePage extends RealPage {
  name: string;
  html: string;
}

/** All pages, or an empty list (with a visible warning) when the folder is absent. */
export async function loadFixturePages(): Promise<FixturePage[]> {
  const pages: FixturePage[] = [];
  for (const page of REAL_PAGES) {
    const path = REAL_PAGES_FROM_ROOT + page.file;
    try {
      pages.push({ ...page, name: page.file, html: await commands.readFile(path) });
    } catch (error) {
      console.warn(`Fixture pages not readable (${path}: ${error}); tests that need real pages are skipped.`);
      return [];
    }
  }
  return pages;
}

/** A page as a document of its own: scripts do not run, stylesheets are not fetched, ranges work. */
export function parsePage(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Pages written for this project whose passages repeat (tests/fixtures/repeated): where a wrong copy is likeliest. */
export const REPEATED_PAGES = ['social-feed.html', 'affiliations-twice.html', 'lightbox-captions.html'];

export async function loadRepeatedPages(): Promise<{ name: string; html: string }[]> {
  return Promise.all(
    REPEATED_PAGES.map(async (name) => ({ name, html: await commands.readFile(`tests/fixtures/repeated/${name}`) })),
  );
}
