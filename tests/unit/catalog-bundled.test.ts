import { describe, expect, it } from 'vitest';
import { bundledCatalog, bundledCatalogErrors } from '../../utils/catalog/bundled';
import { localize } from '../../utils/catalog/localized';
import { createCatalogIndex } from '../../utils/catalog/lookup';

describe('the bundled catalog', () => {
  it('passes validation with no errors', () => {
    expect(bundledCatalogErrors).toEqual([]);
    expect(bundledCatalog.map((e) => e.id)).toEqual(['albers-2020']);
  });

  const albers = createCatalogIndex(bundledCatalog).find('10.1186/s12913-020-05145-1');

  it('has the Albers 2020 article', () => {
    expect(albers).toMatchObject({
      dois: ['10.1186/s12913-020-05145-1'],
      title: 'Implementation support practitioners – a proposal for consolidating a diverse evidence base',
      authors: ['Albers B', 'Metz A', 'Burke K'],
      year: 2020,
      articleUrls: ['https://bmchealthservres.biomedcentral.com/articles/10.1186/s12913-020-05145-1'],
    });
    expect(albers?.citation).toBe(
      'Albers, B., Metz, A. and Burke., K. (2020) Implementation support practitioners – a proposal for consolidating a diverse evidence base. BMC Health Services Research. 20:368. https://doi.org/10.1186/s12913-020-05145-1',
    );
  });

  it('names the club and its discussion page', () => {
    expect(albers?.club).toEqual({
      name: 'Research Impact Canada — KMb Journal Club',
      url: 'https://researchimpact.ca/kmb-journal-club/',
    });
    expect(albers?.postUrl).toBe(
      'https://researchimpact.ca/kmb-journal-club/implementation-support-practitioners-a-proposal-for-consolidating-a-diverse-evidence-base/',
    );
  });

  it.each([
    ['q1', 'Implementation Support Practitioners: if you’re a knowledge broker', 'Why or why not?'],
    ['q2', 'It’s classic for researchers', 'Or should we just get on with using the research we have?'],
    [
      'q3',
      'The paper is calling for greater linkage',
      'Is it ironic that implementation research is not being implemented?',
    ],
  ])('has question %s in full', (id, start, end) => {
    const question = albers?.questions.find((q) => q.id === id);
    const text = question && localize(question.text, 'en');
    expect(text?.slice(0, start.length)).toBe(start);
    expect(text?.slice(-end.length)).toBe(end);
  });

  it('has exactly the three questions for brokers', () => {
    expect(albers?.questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3']);
  });

  it('has the abstract as the summary, with its section labels in bold', () => {
    const paragraphs = localize(albers?.summary ?? '', 'en').split('\n\n');
    expect(paragraphs.map((p) => p.slice(0, p.indexOf(':**') + 3))).toEqual([
      '**Background:**',
      '**Main body:**',
      '**Conclusion:**',
    ]);
    expect(paragraphs[0]).toContain('Workforce development for implementation practice');
  });

  it('has the broker’s commentary, from its first paragraph to its last', () => {
    const paragraphs = localize(albers?.commentary ?? '', 'en').split('\n\n');
    expect(paragraphs).toHaveLength(8);
    expect(paragraphs[0]).toMatch(/^I’m not certain why this paper needed to be written\./);
    expect(paragraphs.at(-1)).toMatch(/something the paper calls for\.$/);
  });

  it('has no published date, because the post does not give one', () => {
    expect(albers?.published).toBeUndefined();
  });
});
