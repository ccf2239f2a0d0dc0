import { CATALOG_LIMITS } from '../catalog/schema';

/**
 * A slug in the schema's shape (lowercase letters and digits joined by single hyphens): accents folded, anything
 * else turned into hyphens, cut at `max` characters without a trailing hyphen.
 */
export function slugify(text: string, max: number): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/**
 * The entry id a club would write by hand, as the bundled catalog does (`albers-2020`): the first author's
 * surname and the year, with the title's first words when there is no author, so that the id still reads as
 * the article.
 */
export function suggestEntryId(firstAuthor: string | undefined, year: string, title: string): string {
  const author = firstAuthor?.includes(',') ? firstAuthor.split(',')[0] : firstAuthor?.trim().split(/\s+/).at(-1);
  const lead = slugify(author ?? '', 40) || slugify(title.split(/\s+/).slice(0, 4).join(' '), 40);
  return slugify([lead, year].filter((part) => part !== '').join('-'), CATALOG_LIMITS.idLength);
}
