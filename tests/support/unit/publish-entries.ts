import type { CatalogEntry } from '../../../utils/catalog/schema';

/**
 * Entries that use every field of the catalog format, with the text a Markdown file finds hardest to carry: `: `
 * and ` #` inside values, quotes of both kinds, a leading `-` or `[`, YAML's words for true and null, unicode
 * beyond the BMP, line breaks and tabs, Markdown with code blocks that hold `## ` lines.
 */
export const EVERY_FIELD: CatalogEntry = {
  id: 'hostile-2021',
  dois: ['10.1234/ABC.5678', '10.31219/osf.io/xyz'],
  title: { en: 'Title: with "quotes" # and a colon', fr: 'Titre : « guillemets » # et deux-points' },
  authors: ['- Dash A', "O'Brien B", '[Bracket] C', 'Ünïcödé D 🧪'],
  citation: 'Author, A. (2021) "Title": part #2 — 10.1234/abc.5678',
  year: 2021,
  articleUrls: ['https://example.org/article?id=1&x=%20#frag', 'https://pmc.example/PMC1/'],
  pdfUrl: 'https://example.org/article.pdf',
  club: { name: { en: 'Club: "The" #1', fr: 'Club : « Le » nᵒ 1' }, url: 'https://club.example/' },
  postUrl: 'https://club.example/posts/hostile-2021/',
  summary: {
    en: '**Bold**: with a colon.\n\n- a list item\n- another: one\n\n```md\n## not a section\n```\n\n# a level-1 heading\n\n### a level-3 heading\n\nTabs\there, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢.',
    fr: 'Résumé : « texte » avec # et\n\n---\n\nune ligne de tirets.',
  },
  commentary: { en: 'true', fr: 'null' },
  questions: [
    { id: 'q1', text: { en: 'Why: "this"?', fr: 'Pourquoi : « ceci » ?' } },
    { id: 'no', text: '- yes' },
    { id: '2', text: 'Line one\nline two # not a comment' },
  ],
  published: '2021-03',
  meeting: '2027-01-15',
};

/** The least an entry may have: English only, no PDF, no dates, no open-access copy. */
export const FEWEST_FIELDS: CatalogEntry = {
  id: 'plain-2020',
  dois: ['10.1000/plain'],
  title: 'Plain',
  authors: ['Solo A'],
  citation: 'Solo (2020)',
  year: 2020,
  articleUrls: [],
  club: { name: 'A club', url: 'https://club.example/' },
  postUrl: 'https://club.example/plain',
  summary: 'Summary.',
  commentary: 'Commentary.',
  questions: [{ id: 'q1', text: 'Why?' }],
  published: '2020',
};

export const DAY_PUBLISHED: CatalogEntry = {
  ...FEWEST_FIELDS,
  id: 'day-2019',
  dois: ['10.1000/day'],
  year: 2019,
  title: { en: 'English only, as an object' },
  published: '2019-12-31',
};
