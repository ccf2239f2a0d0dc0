import { describe, expect, it } from 'vitest';
import { shareHashOf, sourceFromAddress } from '../../utils/pdf/viewer/viewer-address';
import { shareableAddress, viewerForSharedPdf } from '../../utils/sharing/pdf-share';

const VIEWER = 'chrome-extension://abc/pdf.html';
const PDF = 'https://journal.example/articles/s12913.pdf';

describe('share links and the PDF viewer', () => {
  it.each([
    ['a web page stays itself', 'https://journal.example/a', 'https://journal.example/a'],
    ['the viewer gives its PDF’s address', `${VIEWER}?file=${encodeURIComponent(PDF)}`, PDF],
    ['the viewer on a local file gives none (doi.org then)', VIEWER, undefined],
    ['a viewer file that is no web address gives none', `${VIEWER}?file=file%3A%2F%2F%2Fhome%2Fa.pdf`, undefined],
    ['no page gives none', undefined, undefined],
  ])('%s', (_, page, expected) => {
    expect(shareableAddress(page)).toBe(expected);
  });

  it.each([
    ['a share link to a PDF', `${PDF}#jc=abc`, `${VIEWER}?file=${encodeURIComponent(PDF)}#jc=abc`],
    ['a share link to a web page', 'https://journal.example/a#jc=abc', null],
    ['a PDF without a payload', PDF, null],
    ['a PDF with another fragment', `${PDF}#page=2`, null],
    ['not a web address', 'file:///home/a.pdf#jc=abc', null],
  ])('%s: opens the viewer? %s', (_, url, expected) => {
    expect(viewerForSharedPdf(url, VIEWER)).toBe(expected);
  });

  it('reads the viewer’s file and the payload it was opened with, and nothing else', () => {
    const address = `${VIEWER}?file=${encodeURIComponent(PDF)}#jc=abc`;
    expect(sourceFromAddress(address)).toEqual({ kind: 'url', url: PDF });
    expect(sourceFromAddress(`${VIEWER}?file=javascript%3Aalert(1)`)).toBeNull();
    expect(sourceFromAddress(VIEWER)).toBeNull();
    expect(shareHashOf(address)).toBe('#jc=abc');
    expect(shareHashOf(`${VIEWER}#page=2`)).toBeNull();
    expect(shareHashOf(`${VIEWER}#jc=${'a'.repeat(70_000)}`)).toBeNull();
  });
});
