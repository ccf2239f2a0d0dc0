import { describe, expect, it } from 'vitest';
import { arxivDoi } from '../../utils/pdf/doi/arxiv-stamp';
import { distinctFamilies } from '../../utils/pdf/doi/doi-family';
import { splitAtReferences } from '../../utils/pdf/doi/references';
import { doiMentions } from '../../utils/pdf/doi/text-mentions';
import { xmpDois } from '../../utils/pdf/doi/xmp-dois';

/** The DOI finder's readers of plain strings: a PDF's extracted text, its XMP packet, its arXiv stamp. */

describe('doiMentions reads DOIs as extracted PDF text shows them', () => {
  it.each([
    ['a doi.org link', 'https://doi.org/10.1186/s12913-020-05145-1', '10.1186/s12913-020-05145-1', 'resolver'],
    ['"DOI:" in capitals', 'DOI: 10.1093/nar/gks1195', '10.1093/nar/gks1195', 'DOI'],
    ['"DOI" run into a link', 'DOIhttps://doi.org/10.1038/s41586-021-03819-2', '10.1038/s41586-021-03819-2', 'DOI'],
    ['"doi:" in a citation', '2012;40:D48. doi: 10.1093/nar/gkr1202.', '10.1093/nar/gkr1202', 'other'],
    ['a bare DOI ending a sentence', 'see 10.1371/journal.pone.0213978.', '10.1371/journal.pone.0213978', 'other'],
    [
      'a line break after a hyphen',
      'https://doi.org/10.1186/s12913-020-\n05145-1\nAbstract',
      '10.1186/s12913-020-05145-1',
      'resolver',
    ],
    ['a line break after a full stop', 'DOI: 10.1371/journal.\npone.0213978', '10.1371/journal.pone.0213978', 'DOI'],
    ['a line break after a slash', 'DOI 10.1093/\nnar/gks1195', '10.1093/nar/gks1195', 'DOI'],
    [
      'another site’s link',
      'http://www.frontiersin.org/journal/10.3389/fpsyg.2014.00781/abstract',
      '10.3389/fpsyg.2014.00781',
      'other',
    ],
    [
      'a Wiley SICI DOI',
      'DOI: 10.1002/(SICI)1097-4636(199812)43:4<438::AID-JBM13>3.0.CO;2-B',
      '10.1002/(SICI)1097-4636(199812)43:4<438::AID-JBM13>3.0.CO;2-B',
      'DOI',
    ],
  ])('%s', (_name, text, doi, label) => {
    expect(doiMentions(text)).toEqual([{ doi, label }]);
  });

  it.each([
    ['a capitalised word after a full stop', 'doi: 10.1093/nar/gks1195.\nKeywords', '10.1093/nar/gks1195'],
    ['the next numbered reference', 'doi: 10.1093/nar/gks1195.\n2.Leinonen R', '10.1093/nar/gks1195'],
    ['a bracketed note', 'doi: 10.1093/nar/gkr1178.\n[DOI] [PubMed]', '10.1093/nar/gkr1178'],
    ['a line that ends the DOI cleanly', 'DOI: 10.1186/s12913-020-05145-1\nBackground', '10.1186/s12913-020-05145-1'],
  ])('does not join a DOI with %s', (_name, text, doi) => {
    expect(doiMentions(text).map((mention) => mention.doi)).toEqual([doi]);
  });

  it('stops at a bounded number of mentions, in linear time, on a megabyte of DOIs', () => {
    const text = 'doi:10.1234/x '.repeat(80_000);
    const started = performance.now();
    expect(doiMentions(text).length).toBe(2000);
    expect(performance.now() - started).toBeLessThan(500);
    const noSpaces = `10.1234/${'a'.repeat(1_000_000)}`;
    expect(doiMentions(noSpaces)).toEqual([]);
  });
});

describe('distinctFamilies', () => {
  it('counts figure, table and supplement DOIs as their article', () => {
    const plos = '10.1371/journal.pone.0213978';
    expect(distinctFamilies([`${plos}.t001`, plos, `${plos}.g002`]).map((f) => f.doi)).toEqual([plos]);
    expect(distinctFamilies([`${plos}.g001`, `${plos}.s003`]).map((f) => f.doi)).toEqual([plos]);
    expect(distinctFamilies(['10.7554/eLife.12345', '10.7554/eLife.12345.003']).map((f) => f.doi)).toEqual([
      '10.7554/eLife.12345',
    ]);
    expect(distinctFamilies(['10.7717/peerj.1234', '10.7717/peerj.1234/fig-1']).map((f) => f.doi)).toEqual([
      '10.7717/peerj.1234',
    ]);
  });

  it('keeps apart DOIs that only share a prefix, and case makes no difference', () => {
    const families = distinctFamilies([
      '10.1186/s12913-020-05145-1',
      '10.1186/s12913-020-05145-10',
      '10.1186/S12913-020-05145-1',
    ]);
    expect(families.map((f) => f.key)).toEqual(['10.1186/s12913-020-05145-1', '10.1186/s12913-020-05145-10']);
  });
});

describe('splitAtReferences', () => {
  it.each(['References', 'REFERENCES', '7. References', 'Bibliography', 'Literature Cited', 'Références'])(
    'cuts at a "%s" heading',
    (heading) => {
      expect(splitAtReferences(`Body DOI: 10.1/a\n${heading}\n1. A ref 10.2/b`)).toEqual({
        before: 'Body DOI: 10.1/a\n',
        after: `${heading}\n1. A ref 10.2/b`,
      });
    },
  );

  it('leaves a sentence that mentions references alone', () => {
    expect(splitAtReferences('See the references below.\nReferences & Citations').after).toBeNull();
  });
});

describe('xmpDois', () => {
  const wrap = (description: string) => `<x:xmpmeta><rdf:RDF>${description}</rdf:RDF></x:xmpmeta>`;

  it('reads element and attribute forms, with entities and language alternatives', () => {
    expect(xmpDois(wrap('<rdf:Description><prism:doi>10.1000/a</prism:doi></rdf:Description>'))).toEqual(['10.1000/a']);
    expect(xmpDois(wrap('<rdf:Description prism:doi="10.1000/b" pdfx:doi=\'10.1000/b\'/>'))).toEqual([
      '10.1000/b',
      '10.1000/b',
    ]);
    expect(xmpDois(wrap('<rdf:Description crossmark:DOI="10.1002/x&lt;1&gt;2"/>'))).toEqual(['10.1002/x<1>2']);
    expect(
      xmpDois(
        wrap('<dc:identifier><rdf:Alt><rdf:li xml:lang="x-default">doi:10.1000/c</rdf:li></rdf:Alt></dc:identifier>'),
      ),
    ).toEqual(['10.1000/c']);
    expect(
      xmpDois(wrap('<prism:url>https://doi.org/10.1000/d</prism:url><prism:url>https://x.example/</prism:url>')),
    ).toEqual(['10.1000/d']);
  });

  it('ignores values that are not DOIs, and names that only start like a DOI property', () => {
    expect(
      xmpDois(wrap('<dc:identifier>ISBN 978-3-16-148410-0</dc:identifier><prism:doiX>10.1000/e</prism:doiX>')),
    ).toEqual([]);
    expect(xmpDois(wrap('<rdf:Description xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/"/>'))).toEqual(
      [],
    );
  });

  it('stays linear on a hostile packet: a megabyte of unclosed elements and unquoted attributes', () => {
    const started = performance.now();
    expect(xmpDois('<prism:doi>10.1/x'.repeat(60_000))).toEqual([]);
    expect(xmpDois(' prism:doi=10.1/x'.repeat(60_000))).toEqual([]);
    expect(xmpDois(`<prism:doi>${'10.1/x '.repeat(200_000)}</prism:doi>`)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('arxivDoi', () => {
  it.each([
    ['arXiv:1706.03762v7  [cs.CL]  2 Aug 2023', '10.48550/arXiv.1706.03762'],
    ['arXiv:2301.12345 [math.AP] 1 Jan 2023', '10.48550/arXiv.2301.12345'],
    ['arXiv:hep-th/9901001v2 [hep-th] 5 Jan 1999', '10.48550/arXiv.hep-th/9901001'],
  ])('maps the stamp %s', (text, doi) => {
    expect(arxivDoi(text)).toBe(doi);
  });

  it('ignores a cited preprint (no subject class) and a page with two stamps', () => {
    expect(arxivDoi('Smith J. A model. arXiv:2101.00001 (2021).')).toBeNull();
    expect(arxivDoi('arXiv:2101.00001 [cs.LG] and arXiv:2101.00002 [cs.LG]')).toBeNull();
  });
});
