// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadAjv, loadContract, schemaAddress } from '../support/hypothesis-contract/contract';
import { ERRATA } from '../support/hypothesis-contract/errata';

/** What h really sends, from its presenters: the samples each erratum exists for. */
const ANNOTATION = {
  id: 'Yk3wPDlMEe6Ab3sNbQ0GIQ',
  created: '2026-03-01T10:00:00.123456+00:00',
  updated: '2026-03-01T10:00:00.123456+00:00',
  user: 'acct:alice@hypothes.is',
  uri: 'https://publisher.example/article/1',
  text: 'Note',
  tags: [],
  group: 'club1',
  permissions: { read: ['group:club1'] },
  target: [
    {
      source: 'https://publisher.example/article/1',
      selector: [
        { type: 'TextQuoteSelector', exact: 'ninety', prefix: 'we enrolled ', suffix: ' participants' },
        { type: 'TextPositionSelector', start: 120, end: 126 },
      ],
    },
  ],
  document: { title: ['A trial'] },
  links: {},
  hidden: false,
  moderation_status: 'APPROVED',
  flagged: false,
  actions: [],
  user_info: { display_name: null },
};
const GROUP = {
  id: 'club1',
  groupid: null,
  name: 'Club',
  links: {},
  organization: '__default__',
  public: false,
  scoped: false,
  type: 'private',
  pre_moderated: false,
};
const PROFILE = { authority: 'hypothes.is', features: {}, groups: [], preferences: {}, userid: null };

/** A quote that is a number: what the shorthand, read as no schema at all, lets through. */
const NUMBER_QUOTE = {
  ...ANNOTATION,
  target: [{ source: ANNOTATION.uri, selector: [{ type: 'TextQuoteSelector', exact: 42 }] }],
};

/** For each erratum, a sample whose verdict it changes: what h sends, or (shorthand) what h would never send. */
const SAMPLES: Record<string, { schema: string; sample: unknown; valid?: false }> = {
  'user-pattern': { schema: 'schemas/annotation.yaml#/Annotation', sample: ANNOTATION },
  'selector-shorthand': { schema: 'schemas/annotation.yaml#/Annotation', sample: NUMBER_QUOTE, valid: false },
  'selector-one-of': { schema: 'schemas/annotation.yaml#/Annotation', sample: ANNOTATION },
  'display-name-null': { schema: 'schemas/annotation.yaml#/Annotation', sample: ANNOTATION },
  'groupid-null': { schema: 'schemas/group.yaml#/Group', sample: GROUP },
  'profile-userid-null': { schema: 'schemas/profile.yaml#/Profile', sample: PROFILE },
};

/** Whether the description (less the errata in `skip`) accepts the sample; a schema that cannot compile does not. */
function accepts(schema: string, sample: unknown, skip: string[] = []): boolean {
  const [file, fragment] = schema.split('#') as [string, string];
  try {
    return loadAjv(skip).compile({ $ref: schemaAddress(file, `#${fragment}`) })(sample) === true;
  } catch {
    return false;
  }
}

describe('the published API description as an oracle', () => {
  it('accepts what h sends once corrected, and refuses a quote that is no text', () => {
    for (const { schema, sample, valid } of Object.values(SAMPLES)) expect(accepts(schema, sample)).toBe(valid ?? true);
  });

  it.each(ERRATA.map((erratum) => [erratum.name, erratum.why]))('still needs erratum %s: %s', (name) => {
    const { schema, sample, valid } = SAMPLES[name] as (typeof SAMPLES)[string];
    expect(accepts(schema, sample, [name])).toBe(!(valid ?? true));
  });

  const contract = loadContract();
  const headers = { authorization: 'Bearer t', accept: 'application/vnd.hypothesis.v1+json' };
  const check = (method: string, path: string, query = '', body: unknown = null, extra = {}) =>
    contract.checkRequest({ method, path, query: new URLSearchParams(query), headers: { ...headers, ...extra }, body });

  it.each([
    ['an undeclared search parameter', check('GET', '/api/search', '_separate_replies=true'), '_separate_replies'],
    ['a page larger than 200', check('GET', '/api/search', 'limit=500'), 'query.limit'],
    ['an unknown sort', check('GET', '/api/search', 'sort=quote'), 'query.sort'],
    ['an operation h does not have', check('PUT', '/api/profile'), 'not an operation'],
    [
      'a create without a token',
      check('POST', '/api/annotations', '', { uri: 'https://a.example/' }, { authorization: '' }),
      'bearer',
    ],
    [
      'a create without uri',
      check('POST', '/api/annotations', '', { text: 'x' }, { 'content-type': 'application/json' }),
      'uri',
    ],
    [
      'tags that are not text',
      check('PATCH', '/api/annotations/x', '', { tags: [1] }, { 'content-type': 'application/json' }),
      'tags',
    ],
    [
      'an Accept of another API version',
      check('GET', '/api/profile', '', null, { accept: 'application/vnd.hypothesis.v9+json' }),
      'Accept',
    ],
  ])('refuses %s', (_, breaches, mention) => {
    expect(breaches.join('\n')).toContain(mention);
  });

  it('refuses a reply without the fields h always sends', () => {
    const search = contract.operation('GET', '/api/search');
    if (!search) throw new Error('no search operation');
    expect(contract.checkResponse(search, 200, { rows: [ANNOTATION], total: 1 })).toEqual([]);
    const { user: _, ...anonymous } = ANNOTATION;
    expect(contract.checkResponse(search, 200, { rows: [anonymous], total: 1 }).join()).toContain("'user'");
    expect(contract.checkResponse(search, 404, { status: 'failure', reason: 'Not found' })).toEqual([]);
    expect(contract.checkResponse(search, 429, { error: 'slow down' })).not.toEqual([]);
  });
});
