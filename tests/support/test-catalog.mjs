// @ts-check
/**
 * A catalog feed for the browser tests: one entry per real publisher page in ../shared/fixtures/pages, so the
 * panel can be checked on real markup. The tests serve it on 127.0.0.1 and subscribe the extension to it (tests/support/feeds.ts).
 */
const PAGES = [
  ['springer', '10.1007/s10924-010-0192-1', 'springer__10.1007_s10924-010-0192-1.html'],
  ['pmc', '10.1093/nar/gks1195', 'pmc__10.1093_nar_gks1195.html'],
  ['plos', '10.1371/journal.pone.0213978', 'plos__10.1371_journal.pone.0213978.html'],
  ['arxiv', '10.48550/arXiv.1706.03762', 'arxiv__10.48550_arXiv.1706.03762.html'],
  ['nature', '10.1038/s41586-021-03819-2', 'nature__10.1038_s41586-021-03819-2.html'],
  ['frontiers', '10.3389/fpsyg.2014.00781', 'frontiers__10.3389_fpsyg.2014.00781.html'],
];

export const REAL_PAGES = PAGES.map(([id, doi, file]) => ({ id: `test-${id}`, doi, file }));

export const TEST_FEED = {
  version: 1,
  entries: REAL_PAGES.map(({ id, doi }) => ({
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
