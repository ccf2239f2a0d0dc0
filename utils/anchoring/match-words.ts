import type { QuoteMatch, QuoteQuery } from './match-quote.ts';
import type { WorkBudget } from './work-budget.ts';

/**
 * The last resort of the quote search, for a long quote whose characters no longer line up but whose words do:
 * the same article in another format. A highlight made on the HTML page and looked for in its PDF (or the
 * reverse) meets text that one side has and the other not, in the middle of the passage: a list's numbers
 * ("4. Dill, K. A."), link labels the page's stylesheet hides or the print leaves out ("Article CAS PubMed Google
 * Scholar"), a superscript reference printed elsewhere, a caption printed twice. Character edits soon pass the
 * fuzzy search's 15%, while the passage's words are nearly all there, in order.
 *
 * So: the quote's words that are rare in the text vote for where the quote starts (a word's place in the text
 * less its place in the quote); the place with most votes is aligned word by word with the quote (longest
 * common subsequence). It is taken only when at least {@link MIN_WORDS_MATCHED} of the quote's words are found
 * there in order, they make as large a share of the words found there, and no other place comes close: a wrong place is
 * worse than a passage listed as not found.
 */

/** Quotes shorter than this many words are left to the character search: a few words are no evidence. */
export const MIN_QUOTE_WORDS = 8;
/** Share of the quote's words that must be found in order. */
export const MIN_WORDS_MATCHED = 0.75;
/** Words of the text between two found words beyond which the first (or last) found word is a stray. */
const STRAY_GAP = 3;
/** A word occurring more often than this in the text (articles, "the", a journal's name) does not vote. */
const RARE = 8;

interface Words {
  text: string;
  keys: string[];
  starts: number[];
  ends: number[];
  places: Map<string, number[]>;
}

/** The last text's words: one anchoring pass matches many highlights against the same text. */
let cached: Words | null = null;

/** A word as both formats agree on it: letters and digits only, compatibility forms read as their letters. */
export function wordKey(word: string): string {
  return word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function wordsOf(text: string, budget: WorkBudget): Words {
  if (cached !== null && cached.text === text) return cached;
  budget.spend(text.length);
  const words: Words = { text, keys: [], starts: [], ends: [], places: new Map() };
  for (const match of text.matchAll(/\S+/g)) {
    const key = wordKey(match[0]);
    if (key === '') continue;
    const at = words.keys.length;
    words.keys.push(key);
    words.starts.push(match.index);
    words.ends.push(match.index + match[0].length);
    const places = words.places.get(key);
    if (places === undefined) words.places.set(key, [at]);
    else places.push(at);
  }
  cached = words;
  return words;
}

/** The quote found by its words, or null. */
export function matchWords(text: string, query: QuoteQuery, budget: WorkBudget): QuoteMatch | null {
  const quote = query.exact
    .split(/\s+/)
    .map(wordKey)
    .filter((key) => key !== '');
  if (quote.length < MIN_QUOTE_WORDS) return null;
  const words = wordsOf(text, budget);
  const votes = new Map<number, number>();
  for (const [i, key] of quote.entries()) {
    const places = words.places.get(key);
    if (places === undefined || places.length > RARE) continue;
    for (const place of places) votes.set(place - i, (votes.get(place - i) ?? 0) + 1);
  }
  const slack = Math.max(3, Math.ceil(quote.length * (1 - MIN_WORDS_MATCHED)));
  const aligned = [...votes.keys()]
    .sort((a, b) => (votes.get(b) as number) - (votes.get(a) as number))
    .slice(0, 4)
    .map((start) => align(words, quote, start - slack, start + quote.length + slack, budget))
    .filter((a) => a !== null)
    .sort((a, b) => b.matched - a.matched);
  const [winner, ...others] = aligned;
  if (winner === undefined || winner.matched < quote.length * MIN_WORDS_MATCHED) return null;
  // The place's own words are mostly the quote's too: not a passage with the quote's words scattered through it.
  if (winner.matched < (winner.last - winner.first + 1) * MIN_WORDS_MATCHED) return null;
  // Another place, not overlapping this one, nearly as good: a guess, not a find.
  const rival = others.find((o) => o.last < winner.first || o.first > winner.last);
  if (rival !== undefined && rival.matched >= winner.matched - 1) return null;
  const span = winner.last - winner.first + 1;
  return {
    start: words.starts[winner.first] as number,
    end: words.ends[winner.last] as number,
    method: 'fuzzy',
    quality: winner.matched / Math.max(quote.length, span),
  };
}

/** Longest common subsequence of the quote's words and the text's words `[from, to)`, with where it starts and ends. */
function align(words: Words, quote: readonly string[], from: number, to: number, budget: WorkBudget) {
  const lo = Math.max(0, from);
  const hi = Math.min(words.keys.length, to);
  if (hi <= lo) return null;
  const width = hi - lo;
  budget.spend(quote.length * width);
  const table = new Uint16Array((quote.length + 1) * (width + 1));
  const at = (i: number, j: number) => table[i * (width + 1) + j] as number;
  for (let i = 1; i <= quote.length; i++) {
    for (let j = 1; j <= width; j++) {
      const same = quote[i - 1] === words.keys[lo + j - 1];
      table[i * (width + 1) + j] = same ? at(i - 1, j - 1) + 1 : Math.max(at(i - 1, j), at(i, j - 1));
    }
  }
  const pairs: number[] = [];
  for (let i = quote.length, j = width; i > 0 && j > 0; ) {
    if (quote[i - 1] === words.keys[lo + j - 1] && at(i, j) === at(i - 1, j - 1) + 1) {
      pairs.unshift(lo + j - 1);
      i--;
      j--;
    } else if (at(i - 1, j) >= at(i, j - 1)) i--;
    else j--;
  }
  // A word of the quote found alone, far from the rest ("the" a sentence away), is not where the passage starts.
  while (pairs.length > 1 && (pairs[1] as number) - (pairs[0] as number) > STRAY_GAP) pairs.shift();
  while (pairs.length > 1 && (pairs.at(-1) as number) - (pairs.at(-2) as number) > STRAY_GAP) pairs.pop();
  if (pairs.length === 0) return null;
  return { matched: pairs.length, first: pairs[0] as number, last: pairs.at(-1) as number };
}
