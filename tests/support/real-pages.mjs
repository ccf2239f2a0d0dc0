// @ts-check
/**
 * The real publisher pages kept beside the project in ../shared/fixtures/pages (see its README): the one list
 * every test and bench reads, so adding a page there means one line here. Plain data with no imports, because
 * both Node (unit tests, the fixture server, the test catalog) and vitest's browser mode (DOM tests, benches)
 * load it. The markup belongs to the publishers and is never copied into this repository; tests that need it
 * are skipped, with a visible message, when the folder is absent.
 */

/** The folder as a path from the project root (how `commands.readFile` resolves in browser mode). */
export const REAL_PAGES_FROM_ROOT = '../shared/fixtures/pages/';

/**
 * @typedef {object} RealPage
 * @property {string} file the page's file name in the folder
 * @property {string} site the publisher or server, a short id
 * @property {string} url the address the page was saved from (pass it as the page's URL)
 * @property {string} doi the article's DOI, as the publisher spells it
 * @property {'open' | 'closed'} openAccess whether the article is free to read, by evidence in the page
 */

/**
 * In file-name order, as the folder lists them (the seeded fuzz tests sample the pages in this order).
 * @type {readonly RealPage[]}
 */
export const REAL_PAGES = [
  {
    file: 'arxiv__10.48550_arXiv.1706.03762.html',
    site: 'arxiv',
    url: 'https://arxiv.org/abs/1706.03762',
    doi: '10.48550/arXiv.1706.03762',
    openAccess: 'open',
  },
  {
    file: 'frontiers__10.3389_fpsyg.2014.00781.html',
    site: 'frontiers',
    url: 'https://www.frontiersin.org/journals/psychology/articles/10.3389/fpsyg.2014.00781/full',
    doi: '10.3389/fpsyg.2014.00781',
    openAccess: 'open',
  },
  {
    file: 'nature__10.1038_s41586-021-03819-2.html',
    site: 'nature',
    url: 'https://www.nature.com/articles/s41586-021-03819-2',
    doi: '10.1038/s41586-021-03819-2',
    openAccess: 'open',
  },
  {
    file: 'plos__10.1371_journal.pone.0213978.html',
    site: 'plos',
    url: 'https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0213978',
    doi: '10.1371/journal.pone.0213978',
    openAccess: 'open',
  },
  {
    file: 'pmc__10.1093_nar_gks1195.html',
    site: 'pmc',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC3531190/',
    doi: '10.1093/nar/gks1195',
    openAccess: 'open',
  },
  {
    file: 'springer__10.1007_s10924-010-0192-1.html',
    site: 'springer',
    url: 'https://link.springer.com/article/10.1007/s10924-010-0192-1',
    doi: '10.1007/s10924-010-0192-1',
    openAccess: 'closed',
  },
];

/**
 * The page from `site`; throws for a site not in the list, so a test naming one cannot pass on nothing.
 * @param {string} site
 * @returns {RealPage}
 */
export function realPage(site) {
  const page = REAL_PAGES.find((candidate) => candidate.site === site);
  if (!page) throw new Error(`No real page from ${site}`);
  return page;
}
