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

/** The DOI of tests/fixtures/post-article.html, the article of the post in {@link postEntryFeed}. */
export const POST_ARTICLE_DOI = '10.5555/club-post.2025.001';

/**
 * A feed with one entry whose club post (tests/fixtures/club-post.html) and open-access copy
 * (tests/fixtures/post-article.html) are both served by the fixture server at `origin`, for the way in from the
 * club's post (tests/e2e/post-entry.test.ts).
 * @param {string} origin
 */
export function postEntryFeed(origin) {
  return {
    version: 1,
    entries: [
      {
        id: 'test-post-entry',
        dois: [POST_ARTICLE_DOI],
        title: {
          en: 'A study the club discussed from its post',
          fr: 'Une étude que le club a discutée dans son billet',
        },
        authors: ['Test Author'],
        citation: `Test citation for ${POST_ARTICLE_DOI}`,
        year: 2025,
        articleUrls: [`${origin}/post-article.html`],
        club: { name: 'Test Club', url: `${origin}/` },
        postUrl: `${origin}/club-post.html`,
        summary: 'Summary of the post entry.',
        commentary: 'Commentary on the post entry.',
        questions: [
          { id: 'q1', text: 'What would you change first?' },
          { id: 'q2', text: 'Who should hear about it?' },
        ],
      },
    ],
  };
}
