// @ts-check
/**
 * A catalog feed for the browser tests: one entry per real publisher page in ../shared/fixtures/pages, so the
 * panel can be checked on real markup. The tests serve it on 127.0.0.1 and subscribe the extension to it (tests/support/feeds.ts).
 */
import { REAL_PAGES } from './real-pages.mjs';

/** Each real page with the id of its test catalog entry. */
export const CATALOGED_PAGES = REAL_PAGES.map(({ site, doi, file }) => ({ id: `test-${site}`, doi, file }));

export const TEST_FEED = {
  version: 1,
  entries: CATALOGED_PAGES.map(({ id, doi }) => ({
    id,
    dois: [doi],
    title: `Test entry for ${doi}`,
    authors: ['Test Author'],
    citation: `Test citation for ${doi}`,
    year: 2020,
    articleUrls: [],
    club: { name: 'Test Club', url: 'https://club.example/' },
    postUrl: `https://club.example/posts/${id}`,
    summary: `Summary of ${id}.`,
    commentary: `Commentary on ${id}.`,
    questions: [
      { id: 'q1', text: `First question about ${id}?` },
      { id: 'q2', text: `Second question about ${id}?` },
    ],
  })),
};
