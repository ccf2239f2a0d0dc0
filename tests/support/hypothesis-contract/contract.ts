import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { ERRATA } from './errata';
import { MISSING_SCHEMAS } from './missing-schemas';

/**
 * h's API description as a test oracle: which operations exist, which query parameters each takes, and the JSON
 * Schemas of request and response bodies, checked with ajv. The fake calls `checkRequest` on everything the
 * backend sends and `checkResponse` on everything it answers; each returns the breaches as sentences.
 */
export const FIXTURE_FOLDER = fileURLToPath(new URL('../../fixtures/hypothesis-api/', import.meta.url));
const BASE = 'https://api-description.test/';
const SPEC = 'hypothesis-v1.yaml';
export const SCHEMA_FILES = [
  'schemas/annotation.yaml',
  'schemas/annotation-create.yaml',
  'schemas/errors.yaml',
  'schemas/group.yaml',
  'schemas/organization.yaml',
  'schemas/profile.yaml',
];
/** The media types h's v1 API serves (h/views/api/helpers/media_types.py); others get a 406. */
const KNOWN_MEDIA_TYPES = ['application/vnd.hypothesis.v1+json', 'application/json', '*/*'];

type Node = Record<string, unknown>;
type Method = 'get' | 'post' | 'patch' | 'delete';
export interface Operation {
  template: string;
  method: Method;
  node: Node;
}

/** One file of the description, corrected by every erratum but those named in `skip`. */
export function readDescription(file: string, skip: readonly string[] = []): Node {
  const document = parse(readFileSync(`${FIXTURE_FOLDER}${file}`, 'utf8')) as Node;
  for (const erratum of ERRATA) if (erratum.file === file && !skip.includes(erratum.name)) erratum.apply(document);
  return document;
}

/** Where a file of the description lives for ajv, so that its relative `$ref`s resolve as they are written. */
export const schemaAddress = (file: string, fragment = '') => `${BASE}${file}${fragment}`;

/** An ajv holding the whole description (less the errata named in `skip`). */
export function loadAjv(skip: readonly string[] = []): Ajv {
  // Not strict: the description carries OpenAPI words (example, deprecated) that are no JSON Schema keywords.
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i);
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i);
  for (const file of [SPEC, ...SCHEMA_FILES]) ajv.addSchema(readDescription(file, skip), schemaAddress(file));
  for (const [file, schema] of Object.entries(MISSING_SCHEMAS)) ajv.addSchema(schema, schemaAddress(file));
  return ajv;
}

const pointer = (...keys: string[]) => keys.map((key) => key.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

export interface Contract {
  checkRequest(request: CheckedRequest): string[];
  checkResponse(operation: Operation, status: number, body: unknown): string[];
  operation(method: string, path: string): Operation | null;
}

export interface CheckedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export function loadContract(): Contract {
  const ajv = loadAjv();
  const spec = readDescription(SPEC);
  const paths = spec.paths as Record<string, Node>;
  const validators = new Map<string, ValidateFunction>();
  const validator = (ref: string, transform?: (schema: Node) => Node): ValidateFunction => {
    const key = `${ref}${transform ? '+transformed' : ''}`;
    let validate = validators.get(key);
    if (!validate) {
      const schema = transform ? transform(ajv.getSchema(ref)?.schema as Node) : { $ref: ref };
      validate = ajv.compile(schema);
      validators.set(key, validate);
    }
    return validate;
  };
  const breaches = (what: string, validate: ValidateFunction, value: unknown) =>
    validate(value) ? [] : [`${what}: ${ajv.errorsText(validate.errors, { dataVar: what })}`];

  const operation = (method: string, path: string): Operation | null => {
    const route = path.replace(/^\/api/, '');
    for (const template of Object.keys(paths)) {
      const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      const node = paths[template]?.[method.toLowerCase()] as Node | undefined;
      if (pattern.test(route) && node) return { template, method: method.toLowerCase() as Method, node };
    }
    return null;
  };

  /** Each declared parameter with the address of its schema, `$ref`s to the shared ones followed. */
  const parameters = (op: Operation): { node: Node; schema: string }[] =>
    ((op.node.parameters ?? []) as Node[]).map((parameter, index) => {
      if (typeof parameter.$ref !== 'string') {
        return {
          node: parameter,
          schema: `${BASE}${SPEC}#/${pointer('paths', op.template, op.method)}/parameters/${index}/schema`,
        };
      }
      const name = parameter.$ref.split('/').at(-1) as string;
      const node = ((spec.components as Node).parameters as Node)[name] as Node;
      return { node, schema: `${BASE}${SPEC}#/components/parameters/${name}/schema` };
    });

  return {
    operation,
    checkRequest({ method, path, query, headers, body }) {
      const op = operation(method, path);
      if (!op) return [`${method} ${path} is not an operation of the API`];
      const found: string[] = [];
      const declared = new Map(
        parameters(op)
          .filter(({ node }) => node.in === 'query')
          .map((parameter) => [parameter.node.name as string, parameter]),
      );
      for (const name of new Set(query.keys())) {
        const parameter = declared.get(name);
        if (!parameter) {
          found.push(`query parameter "${name}" is not declared for ${method} ${op.template}`);
          continue;
        }
        const value = query.get(name) as string;
        // Query values are text; the description types `limit` as an integer, as h's parser reads it.
        const typed =
          (parameter.node.schema as Node).type === 'integer' && /^-?\d+$/.test(value) ? Number(value) : value;
        found.push(...breaches(`query.${name}`, validator(parameter.schema), typed));
      }
      const security = (op.node.security ?? []) as Node[];
      const anonymousAllowed = security.length === 0 || security.some((s) => Object.keys(s).length === 0);
      const authorization = String(headers.authorization ?? '');
      if (!anonymousAllowed && !/^Bearer \S+$/.test(authorization))
        found.push('no bearer token for an ApiKey operation');
      const accept = String(headers.accept ?? '*/*');
      if (!accept.split(',').some((type) => KNOWN_MEDIA_TYPES.includes(type.split(';')[0]?.trim() ?? ''))) {
        found.push(`Accept "${accept}" is no media type of the v1 API`);
      }
      found.push(...checkBody(op, headers, body));
      return found;
    },
    checkResponse(op, status, body) {
      const at = `${BASE}${SPEC}#/${pointer('paths', op.template, op.method, 'responses')}`;
      const responses = op.node.responses as Node;
      const declared = responses[String(status)] as Node | undefined;
      if (declared) {
        const content = declared.content as Node | undefined;
        if (!content) return body === null ? [] : [`${status} is declared without a body, yet one was sent`];
        const type = Object.keys(content)[0] as string;
        return breaches('response', validator(`${at}/${pointer(String(status), 'content', type, 'schema')}`), body);
      }
      if (status < 400) return [`${status} is not a declared response of ${op.method} ${op.template}`];
      // "The body of the response will either be empty or JSON" of the Error schema, for any API service.
      return body === null ? [] : breaches('error', validator(`${BASE}schemas/errors.yaml#/Error`), body);
    },
  };

  function checkBody(op: Operation, headers: CheckedRequest['headers'], body: unknown): string[] {
    const requestBody = op.node.requestBody as Node | undefined;
    if (op.method === 'get' || op.method === 'delete') {
      return body === null ? [] : [`${op.method} ${op.template} takes no body`];
    }
    if (!/^application\/(.+\+)?json/.test(String(headers['content-type'] ?? '')))
      return ['the body is not sent as JSON'];
    if (requestBody) {
      const content = requestBody.content as Node;
      const type = Object.keys(content)[0] as string;
      const ref = `${BASE}${SPEC}#/${pointer('paths', op.template, op.method, 'requestBody', 'content', type, 'schema')}`;
      return breaches('body', validator(ref), body);
    }
    // PATCH declares no body; its description says it is the annotation's, in part ("does not have to include the
    // whole annotation object"): the create schema without its required fields.
    const create = `${BASE}schemas/annotation-create.yaml#/Annotation`;
    return breaches(
      'body',
      validator(create, (schema) => ({ ...schema, required: [] })),
      body,
    );
  }
}
