import { describe, expect, it } from 'vitest';
import { matchWords } from '../../utils/anchoring/match-words';
import { WorkBudget } from '../../utils/anchoring/work-budget';

/** The quote search's last resort: the same words in the same order, when the characters no longer line up. */
const query = (exact: string) => ({ exact, prefix: '', suffix: '', hint: null });
const find = (text: string, exact: string) => {
  const found = matchWords(text, query(exact), new WorkBudget());
  return found && { text: text.slice(found.start, found.end), method: found.method };
};

const PDF_REFERENCES =
  'Methods. 25. Moult, J., Pedersen, J. T., Judson, R. & Fidelis, K. A large-scale experiment to assess protein ' +
  'structure prediction methods. Proteins 23, ii–iv (1995). 26. Kryshtafovych, A., Schwede, T., Topf, M. and more.';

describe('matchWords', () => {
  it.each([
    [
      'a list number the HTML does not have, and link labels the PDF does not have',
      PDF_REFERENCES,
      'to assess protein structure prediction methods. Proteins 23, ii–iv (1995). Article Google Scholar Kryshtafovych, A., Schwede, T.,',
      'to assess protein structure prediction methods. Proteins 23, ii–iv (1995). 26. Kryshtafovych, A., Schwede, T.,',
    ],
    [
      'a word hyphenated in one format and joined in the other, a superscript printed elsewhere',
      'In parallel, the success of attentionbased networks for language processing (ref) and, more recently, images.',
      'In parallel, the success of attention-based networks for language processing30 and, more recently,',
      'In parallel, the success of attentionbased networks for language processing (ref) and, more recently,',
    ],
  ])('finds the passage despite %s', (_case, text, exact, expected) => {
    expect(find(text, exact)).toEqual({ text: expected, method: 'fuzzy' });
  });

  it.each([
    ['a quote of fewer than eight words', PDF_REFERENCES, 'Proteins 23, ii–iv (1995). Kryshtafovych'],
    [
      'a quote whose words are mostly elsewhere',
      PDF_REFERENCES,
      'Entirely different words about protein structure prediction methods that were never written here at all',
    ],
    [
      'two places that match about equally',
      'one two three four five six seven eight nine. Then: one two three four five six seven eight nine.',
      'one two three four five six seven eight nine',
    ],
  ])('finds nothing for %s', (_case, text, exact) => {
    expect(find(text, exact)).toBeNull();
  });

  it('does not start the passage at a lone word of the quote a sentence before the rest', () => {
    const text =
      'the amylose film has in vitro Springer Nature Link Log in Menu and scope biocompatibility and can be used for packaging applications.';
    const found = find(
      text,
      'of Polymers and the Environment biocompatibility and can be used for packaging applications.',
    );
    expect(found?.text.startsWith('the amylose')).not.toBe(true);
  });
});
