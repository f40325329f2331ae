/**
 * Just enough OpenAPI 3.0 reading for the contract tests: local `$ref`s, a comparable form of a schema
 * (prose, titles and examples dropped, `allOf` merged), a flat view of each operation, and its examples.
 */
import { isDeepStrictEqual } from 'node:util';

export type Obj = Record<string, unknown>;

export const isObj = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const asObj = (value: unknown): Obj => (isObj(value) ? value : {});
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

const escape = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');
const unescape = (key: string): string => key.replace(/~1/g, '/').replace(/~0/g, '~');
export const pointerTo = (parent: string, ...keys: string[]): string =>
  [parent, ...keys.map(escape)].join('/');

export interface Located {
  node: Obj;
  /** JSON pointer of the node inside its document (of the target, when reached through `$ref`). */
  pointer: string;
  /** Last segment of the `$ref` followed, if any (e.g. `ErrorMessage`). */
  refName?: string;
}

/** Follows local `$ref`s until a plain node is reached. */
export function deref(doc: Obj, node: unknown, pointer: string): Located {
  let current = asObj(node);
  let at = pointer;
  let refName: string | undefined;
  while (typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported: ${ref}`);
    const keys = ref.slice(2).split('/').map(unescape);
    current = asObj(keys.reduce<unknown>((value, key) => asObj(value)[key], doc));
    at = ref.slice(1);
    refName = keys.at(-1);
  }
  return { node: current, pointer: at, refName };
}

// --- Schemas -----------------------------------------------------------------------------------------

const CONSTRAINTS = [
  'type', 'format', 'enum', 'default', 'minLength', 'maxLength', 'minimum', 'maximum', 'pattern',
  'nullable', 'deprecated',
] as const;

/** Properties and required names of an object schema, `allOf` parts merged in order (later wins). */
function objectParts(doc: Obj, schema: Obj): { properties: Obj; required: string[] } | undefined {
  if (!schema.properties && !schema.allOf) return undefined;
  const properties: Obj = {};
  const required = new Set<string>();
  for (const part of asArray(schema.allOf)) {
    const merged = objectParts(doc, deref(doc, part, '').node);
    Object.assign(properties, merged?.properties);
    merged?.required.forEach((name) => required.add(name));
  }
  Object.assign(properties, asObj(schema.properties));
  asArray(schema.required).forEach((name) => required.add(String(name)));
  return { properties, required: [...required].sort() };
}

/**
 * A schema reduced to what the contract is about: types and constraints. Nested `$ref`s stay names
 * (each named model is compared on its own); `allOf` is merged, so a flattened model compares equal.
 */
export function comparable(doc: Obj, schema: unknown): unknown {
  const s = asObj(schema);
  if (typeof s.$ref === 'string') return { $ref: s.$ref.split('/').at(-1) };
  const out: Obj = {};
  for (const key of CONSTRAINTS) if (s[key] !== undefined) out[key] = s[key];
  const object = objectParts(doc, s);
  if (object) {
    out.type ??= 'object';
    out.properties = Object.fromEntries(
      Object.entries(object.properties).map(([name, property]) => [name, comparable(doc, property)]),
    );
    if (object.required.length) out.required = object.required;
  }
  if (s.items !== undefined) out.items = comparable(doc, s.items);
  if (s.additionalProperties !== undefined) {
    out.additionalProperties =
      typeof s.additionalProperties === 'boolean' ? s.additionalProperties : comparable(doc, s.additionalProperties);
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(s[key])) out[key] = s[key].map((part) => comparable(doc, part));
  }
  return out;
}

/**
 * Differences between two comparable schemas, as keys: `at.property` for a property missing on one
 * side or different, `at.required` for the required list, `at` for anything else.
 */
export function schemaDiffs(at: string, expected: unknown, actual: unknown): string[] {
  const { properties: expectedProps, required: expectedRequired, ...expectedRest } = asObj(expected);
  const { properties: actualProps, required: actualRequired, ...actualRest } = asObj(actual);
  const diffs: string[] = [];
  if (!isDeepStrictEqual(expectedRest, actualRest)) diffs.push(at);
  if (!isDeepStrictEqual(expectedRequired, actualRequired)) diffs.push(`${at}.required`);
  const names = new Set([...Object.keys(asObj(expectedProps)), ...Object.keys(asObj(actualProps))]);
  for (const name of names) {
    if (!isDeepStrictEqual(asObj(expectedProps)[name], asObj(actualProps)[name])) diffs.push(`${at}.${name}`);
  }
  return diffs;
}

/** Compares two response/body schemas; when only one side is a `$ref`, its target is compared inline. */
export function bodySchemaDiffs(at: string, expected: [Obj, unknown], actual: [Obj, unknown]): string[] {
  const [expectedDoc, expectedSchema] = expected;
  const [actualDoc, actualSchema] = actual;
  const isRef = (schema: unknown) => typeof asObj(schema).$ref === 'string';
  const inline = isRef(expectedSchema) !== isRef(actualSchema);
  const side = (doc: Obj, schema: unknown) => comparable(doc, inline ? deref(doc, schema, '').node : schema);
  return isDeepStrictEqual(side(expectedDoc, expectedSchema), side(actualDoc, actualSchema)) ? [] : [at];
}

// --- Operations --------------------------------------------------------------------------------------

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

export interface Operation {
  /** `GET /customer/{tenant}/me` */
  key: string;
  node: Obj;
  pointer: string;
  operationId: string | undefined;
  /** Path-level and operation-level parameters, resolved; operation-level wins. Keyed `in.name`. */
  parameters: Map<string, Located>;
  /** Each alternative as `SchemeA+SchemeB`, sorted; `[]` when none is declared. */
  security: string[];
}

export function operations(doc: Obj): Operation[] {
  const found: Operation[] = [];
  for (const [path, item] of Object.entries(asObj(doc.paths))) {
    const pathItem = asObj(item);
    for (const method of METHODS) {
      if (!isObj(pathItem[method])) continue;
      const node = pathItem[method];
      const pointer = pointerTo('', 'paths', path, method);
      const parameters = new Map<string, Located>();
      const add = (list: unknown, at: string) =>
        asArray(list).forEach((parameter, index) => {
          const located = deref(doc, parameter, pointerTo(at, 'parameters', String(index)));
          parameters.set(`${String(located.node.in)}.${String(located.node.name)}`, located);
        });
      add(pathItem.parameters, pointerTo('', 'paths', path));
      add(node.parameters, pointer);
      const security = asArray(node.security ?? doc.security)
        .map((requirement) => Object.keys(asObj(requirement)).sort().join('+'))
        .sort();
      const operationId = typeof node.operationId === 'string' ? node.operationId : undefined;
      found.push({ key: `${method.toUpperCase()} ${path}`, node, pointer, operationId, parameters, security });
    }
  }
  return found;
}

export interface MediaType {
  /** `request` or the status code. */
  where: string;
  mediaType: string;
  schema: unknown;
  located: Located;
  /** Name of the `components/responses` entry the response came from, if any. */
  responseName?: string;
}

/** Request and response media types of an operation, `$ref`s to shared responses resolved. */
export function mediaTypes(doc: Obj, operation: Operation): MediaType[] {
  const found: MediaType[] = [];
  const collect = (where: string, holder: Located, responseName?: string) => {
    for (const [mediaType, media] of Object.entries(asObj(holder.node.content))) {
      const located = { node: asObj(media), pointer: pointerTo(holder.pointer, 'content', mediaType) };
      found.push({ where, mediaType, schema: located.node.schema, located, responseName });
    }
  };
  if (operation.node.requestBody) {
    collect('request', deref(doc, operation.node.requestBody, pointerTo(operation.pointer, 'requestBody')));
  }
  for (const [status, response] of Object.entries(asObj(operation.node.responses))) {
    const located = deref(doc, response, pointerTo(operation.pointer, 'responses', status));
    collect(status, located, located.refName);
  }
  return found;
}

// --- Examples ----------------------------------------------------------------------------------------

export interface Example {
  name: string;
  value: unknown;
  /** True for a singular `example:` (as opposed to an entry of `examples:`). */
  singular: boolean;
}

/** The examples held by a media type or parameter object (`example`, or `examples` entries with `$ref`s resolved). */
export function examplesOf(doc: Obj, holder: Obj): Example[] {
  const found: Example[] = [];
  if (holder.example !== undefined) found.push({ name: 'example', value: holder.example, singular: true });
  for (const [name, entry] of Object.entries(asObj(holder.examples))) {
    found.push({ name, value: deref(doc, entry, '').node.value, singular: false });
  }
  return found;
}

/** Pointers of every object in the document that holds `example` or `examples` (example values not entered). */
export function exampleHolders(node: unknown, pointer = ''): string[] {
  if (Array.isArray(node)) return node.flatMap((item, index) => exampleHolders(item, pointerTo(pointer, String(index))));
  if (!isObj(node)) return [];
  const holds = pointer !== '/components' && ('example' in node || 'examples' in node);
  const children = Object.entries(node)
    .filter(([key]) => key !== 'example' && (key !== 'examples' || pointer === '/components'))
    .flatMap(([key, value]) => exampleHolders(value, pointerTo(pointer, key)));
  return holds ? [pointer, ...children] : children;
}
