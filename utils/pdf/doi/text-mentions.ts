import { doiFromUrl, normalizeDoi } from '../../article/doi';

/**
 * DOIs as a PDF's extracted text shows them: after `DOI:` or `doi:`, in a doi.org link, bare, inside another
 * site's link, or broken across two lines by the typesetter. The DOI grammar itself is `utils/article/doi.ts`'s.
 */

/**
 * How a mention is introduced: the word `DOI` in capitals (an article's own label), a resolver link, an opening
 * parenthesis (an in-text citation, `(doi:10.…)`, which names another work), or otherwise.
 */
export type MentionLabel = 'DOI' | 'resolver' | 'cited' | 'other';

export interface DoiMention {
  doi: string;
  label: MentionLabel;
}

/** Where a DOI starts: `10.`, a registrant code, a slash. Sticky-free and linear: one scan of the text. */
const DOI_START = /10\.\d{4,9}(?:\.\d+)*\//g;
/** How far back the label or the link around a DOI is looked for. */
const LOOK_BACK = 40;
const CAPITAL_LABEL = /(?:^|[^A-Za-z])DOI\s*:?\s*(?:https?:\/\/(?:dx\.)?doi\.org\/)?$/;
const RESOLVER = /doi\.org\/$/i;
const IN_PARENTHESES = /\(\s*(?:doi\s*:?\s*|(?:https?:\/\/)?(?:dx\.)?doi\.org\/)?$/i;
/** An address that ends where the DOI starts: another site's link naming the DOI in its path or query. */
const OTHER_URL = /https?:\/\/\S*$/i;
/** A line that continues a DOI begins with a letter or digit, and is not the next item of a numbered list. */
const CONTINUATION = /^[A-Za-z0-9][^\s]*/;
const LIST_ITEM = /^\d{1,3}\.\D/;
/** Characters a DOI cannot end on, so a token ending with one at a line's end goes on to the next line. */
const OPEN_ENDS = new Set(['-', '/', '_', '.']);
const MAX_TOKEN = 1200;
/** A page of text names a handful of DOIs; a reference list a few hundred; more is someone's stress test. */
export const MAX_MENTIONS = 2000;

export function doiMentions(text: string): DoiMention[] {
  const mentions: DoiMention[] = [];
  DOI_START.lastIndex = 0;
  for (let match = DOI_START.exec(text); match !== null; match = DOI_START.exec(text)) {
    if (mentions.length >= MAX_MENTIONS) break;
    const start = match.index;
    const before = text.slice(Math.max(0, start - LOOK_BACK), start);
    const token = tokenAt(text, start);
    DOI_START.lastIndex = start + Math.max(match[0].length, token.length);
    const doi = readDoi(before, token);
    if (doi) mentions.push({ doi, label: labelOf(before) });
  }
  return mentions;
}

function labelOf(before: string): MentionLabel {
  const line = before.slice(before.lastIndexOf('\n') + 1);
  if (CAPITAL_LABEL.test(line)) return 'DOI';
  if (IN_PARENTHESES.test(line)) return 'cited';
  return RESOLVER.test(line) ? 'resolver' : 'other';
}

/** Inside another site's link (`…/journal/10.3389/…/abstract`), the link's own rules find the DOI's end. */
function readDoi(before: string, token: string): string | null {
  const line = before.slice(before.lastIndexOf('\n') + 1);
  const url = OTHER_URL.exec(line);
  if (url && !RESOLVER.test(url[0])) return doiFromUrl(url[0] + token);
  return normalizeDoi(token);
}

/** The DOI's run of non-space characters, joined with the next line's first run when the line broke it. */
function tokenAt(text: string, start: number): string {
  let end = start;
  while (end < text.length && end - start < MAX_TOKEN && !isSpace(text.charCodeAt(end))) end++;
  const token = text.slice(start, end);
  if (text[end] !== '\n' || !OPEN_ENDS.has(token.at(-1) ?? '')) return token;
  const next = text.slice(end + 1, end + 1 + MAX_TOKEN);
  if (LIST_ITEM.test(next)) return token;
  const run = CONTINUATION.exec(next);
  if (run === null) return token;
  // After a full stop only a lower-case or numeric run continues (`journal.` + `pone.0123456`); a capital starts
  // the next sentence.
  if (token.endsWith('.') && /^[A-Z]/.test(run[0])) return token;
  return token + run[0];
}

const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0xa0;
