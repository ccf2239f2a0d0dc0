/**
 * Corrections to h's published OpenAPI description (tests/fixtures/hypothesis-api/, copied verbatim), applied
 * when it is loaded. Each one is a place where the description, read as JSON Schema, refuses what the service
 * really sends or cannot be compiled at all; the fix is the smallest that says what its own prose says.
 * `tests/unit/club-hypothesis-contract.test.ts` checks that each is still needed, so a newer copy of the
 * description that fixes one makes that test say so.
 */
export interface Erratum {
  name: string;
  why: string;
  /** The file (path under the fixture folder) it corrects. */
  file: string;
  apply(document: Record<string, unknown>): void;
}

type Node = Record<string, unknown>;

/** The object at a path of keys, for the corrections below to edit in place. */
function at(document: Node, ...keys: string[]): Node {
  let node: unknown = document;
  for (const key of keys) node = (node as Node)[key];
  if (typeof node !== 'object' || node === null) throw new Error(`erratum: nothing at ${keys.join('/')}`);
  return node as Node;
}

const SELECTOR_VARIANTS = ['Annotation', 'properties', 'target', 'items', 'properties', 'selector', 'items'];

export const ERRATA: Erratum[] = [
  {
    name: 'user-pattern',
    why: 'the pattern "acct:^[A-Za-z0-9._]{3,30}@.*$" puts its start anchor after "acct:", so no user id matches',
    file: 'schemas/annotation.yaml',
    apply: (document) => {
      at(document, 'Annotation', 'properties', 'user').pattern = '^acct:[A-Za-z0-9._]{3,30}@.*$';
    },
  },
  {
    name: 'selector-shorthand',
    why: 'selector properties are written "exact: string", which is no schema; the prose means {type: string}',
    file: 'schemas/annotation.yaml',
    apply: (document) => {
      const variants = at(document, ...SELECTOR_VARIANTS).oneOf as Node[];
      for (const variant of variants) {
        const properties = variant.properties as Node;
        for (const [key, value] of Object.entries(properties)) {
          if (typeof value === 'string') properties[key] = { type: value };
        }
      }
    },
  },
  {
    name: 'selector-one-of',
    why: 'a TextPositionSelector satisfies both the Text and the Data Position variants, which oneOf forbids',
    file: 'schemas/annotation.yaml',
    apply: (document) => {
      const selector = at(document, ...SELECTOR_VARIANTS);
      selector.anyOf = selector.oneOf;
      delete selector.oneOf;
    },
  },
  {
    name: 'display-name-null',
    why: '"type: null" is YAML null, not the JSON Schema type "null" the description means',
    file: 'schemas/annotation.yaml',
    apply: (document) => {
      const name = at(document, 'Annotation', 'properties', 'user_info', 'properties', 'display_name');
      (name.oneOf as Node[])[1] = { type: 'null' };
    },
  },
  {
    name: 'groupid-null',
    why: '"type: null" is YAML null, not the JSON Schema type "null"; h sends groupid null for its own groups',
    file: 'schemas/group.yaml',
    apply: (document) => {
      const groupid = at(document, 'Group', 'properties', 'groupid');
      (groupid.oneOf as Node[])[1] = { type: 'null' };
    },
  },
  {
    name: 'profile-userid-null',
    why: 'typed string, yet described as null for a request without a valid token, which is what h sends',
    file: 'schemas/profile.yaml',
    apply: (document) => {
      at(document, 'Profile', 'properties', 'userid').type = ['string', 'null'];
    },
  },
];
