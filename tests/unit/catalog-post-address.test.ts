import { describe, expect, it } from 'vitest';
import { addressKey } from '../../utils/catalog/address-key';
import { bundledCatalog } from '../../utils/catalog/bundled';
import { createCatalogIndex } from '../../utils/catalog/lookup';
import type { CatalogEntry } from '../../utils/catalog/schema';

const POST = 'https://club.example/posts/implementation-support';

describe('addressKey: the same post, however the reader reached it', () => {
  it.each([
    ['the address itself', POST],
    ['a trailing slash', `${POST}/`],
    ['the host in capitals', 'https://CLUB.Example/posts/implementation-support'],
    ['the scheme in capitals', 'HTTPS://club.example/posts/implementation-support'],
    ['the default port', 'https://club.example:443/posts/implementation-support'],
    ['a fragment', `${POST}#comments`],
    ['a fragment after a trailing slash', `${POST}/#respond`],
    ['campaign parameters', `${POST}?utm_source=newsletter&utm_medium=email&UTM_Campaign=june`],
    ['a Facebook click id', `${POST}/?fbclid=IwAR0abc`],
    ['a Google click id and a Mailchimp id', `${POST}?gclid=abc&mc_cid=1&mc_eid=2`],
    ['a user name', 'https://reader@club.example/posts/implementation-support'],
  ])('%s', (_, address) => {
    expect(addressKey(address)).toBe(addressKey(POST));
  });
});

describe('addressKey: another page', () => {
  it.each([
    ['another path', 'https://club.example/posts/other'],
    ['a longer path', `${POST}/comments`],
    ['the path in another letter case', 'https://club.example/posts/Implementation-Support'],
    ['another host', 'https://club.example.org/posts/implementation-support'],
    ['a subdomain', 'https://www.club.example/posts/implementation-support'],
    ['plain http', 'http://club.example/posts/implementation-support'],
    ['another port', 'https://club.example:8443/posts/implementation-support'],
    ['a query that names a page', `${POST}?page=2`],
  ])('%s', (_, address) => {
    expect(addressKey(address)).not.toBe(addressKey(POST));
  });

  it('keeps the parameters that name a page, in their order, and drops only the tracking ones', () => {
    expect(addressKey('https://club.example/?p=123&utm_source=x&lang=fr')).toBe('https://club.example/?p=123&lang=fr');
    expect(addressKey('https://club.example/?p=123')).not.toBe(addressKey('https://club.example/?p=124'));
  });

  it('reads percent-escapes in either case as the same byte', () => {
    expect(addressKey('https://club.example/posts/caf%c3%a9')).toBe(
      addressKey('https://club.example/posts/caf%C3%A9/'),
    );
  });

  it('keeps the root path', () => {
    expect(addressKey('https://club.example')).toBe('https://club.example/');
    expect(addressKey('https://club.example/')).toBe('https://club.example/');
  });

  it.each([
    ['a relative path', '/posts/implementation-support'],
    ['javascript:', 'javascript:alert(1)'],
    ['a data: address', 'data:text/html,<p>post</p>'],
    ['a browser page', 'chrome://newtab/'],
    ['an extension page', 'chrome-extension://abc/popup.html'],
    ['an empty string', ''],
    ['an address of 10,000 characters', `${POST}?q=${'a'.repeat(10_000)}`],
  ])('has no key for %s', (_, address) => {
    expect(addressKey(address)).toBeNull();
  });
});

const base = bundledCatalog[0];
if (base === undefined) throw new Error('the bundled catalog is empty');
const entry = (id: string, postUrl: string): CatalogEntry => ({ ...base, id, dois: [`10.1000/${id}`], postUrl });

describe('findByPost', () => {
  const albers = entry('albers', 'https://researchimpact.ca/kmb-journal-club/implementation-support-practitioners/');
  const other = entry('other', 'https://club.example/?p=42');
  const index = createCatalogIndex([albers, other]);

  it.each([
    ['the post address', 'https://researchimpact.ca/kmb-journal-club/implementation-support-practitioners/', albers],
    [
      'the post shared from a newsletter, at its comments',
      'https://ResearchImpact.ca/kmb-journal-club/implementation-support-practitioners?utm_source=mail#comments',
      albers,
    ],
    ['a post named by its query', 'https://club.example/?p=42&fbclid=x', other],
    ['the club’s list of posts', 'https://researchimpact.ca/kmb-journal-club/', null],
    ['another post on the same site', 'https://club.example/?p=43', null],
    ['the article itself', 'https://bmchealthservres.biomedcentral.com/articles/10.1186/s12913-020-05145-1', null],
    ['something that is not an address', 'not a url', null],
  ])('finds by %s', (_, address, expected) => {
    expect(index.findByPost(address)).toBe(expected);
  });

  it('answers a post address two entries name with the first one', () => {
    const rival = entry('rival', 'https://club.example/?p=42&utm_campaign=copy');
    expect(createCatalogIndex([other, rival]).findByPost('https://club.example/?p=42')).toBe(other);
    expect(createCatalogIndex([rival, other]).findByPost('https://club.example/?p=42')).toBe(rival);
  });

  it('finds the bundled entry by its Research Impact Canada post', () => {
    const bundled = createCatalogIndex(bundledCatalog);
    expect(bundled.findByPost(base.postUrl)?.id).toBe('albers-2020');
    expect(bundled.findByPost(`${base.postUrl}?utm_source=twitter#comments`)?.id).toBe('albers-2020');
  });
});
