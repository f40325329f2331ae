/**
 * Turns the examples of an OpenAPI document into test cases, each paired with the project's schema for
 * that place: the generated wire schema (parsing must leave the example unchanged: no key dropped, no
 * default added) and, for response bodies, the tolerant parser the client uses.
 * Operations are matched to the project's by method and path, so the reference's examples get the
 * project's schemas too.
 */
import { expect } from 'vitest';
import type * as z from 'zod/mini';
import * as generated from '../../src/api/generated/zod.gen';
import {
  addressDtoSchema,
  addressListSchema,
  customerSchema,
  errorMessageSchema,
  gatewayFaultSchema,
  normalizeAnonymousToken,
  normalizeCustomerToken,
  resourceLocationSchema,
  validateTokenResponseSchema,
} from '../../src/api/schemas';
import { deref, examplesOf, isObj, mediaTypes, operations, pointerTo, type Example, type Obj } from './openapi';

export interface Tolerant {
  parse: (value: unknown) => unknown;
  /** False for token responses: those are reduced to a NormalizedToken. */
  roundTrips: boolean;
}

export interface ExampleCase {
  title: string;
  operationId: string;
  example: Example;
  /** JSON pointer of the media type / parameter object holding the example. */
  holder: string;
  /** Name of the shared response the example came from (e.g. `409_conflict`). */
  responseName?: string;
  wire: z.ZodMiniType;
  tolerant?: Tolerant;
}

/** Drops repeats: an example shared by several operations (a common response or parameter) is checked once. */
function once(cases: ExampleCase[]): ExampleCase[] {
  const seen = new Set<string>();
  return cases.filter((c) => {
    const key = `${c.holder}|${c.example.name}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

const zod = generated as unknown as Record<string, z.ZodMiniType | undefined>;
const pascal = (id: string): string => id.charAt(0).toUpperCase() + id.slice(1);

const asIs = (schema: z.ZodMiniType): Tolerant => ({ parse: (value) => schema.parse(value), roundTrips: true });
const token = (normalize: (raw: unknown) => unknown): Tolerant => ({ parse: normalize, roundTrips: false });

/** The tolerant parser the client applies to each operation's success body. */
const tolerantResults: Record<string, Tolerant> = {
  anonymousLogin: token(normalizeAnonymousToken),
  anonymousRefresh: token(normalizeAnonymousToken),
  login: token(normalizeCustomerToken),
  confirmSignup: token(normalizeCustomerToken),
  refreshCustomerToken: token(normalizeCustomerToken),
  exchangeToken: token(normalizeCustomerToken),
  socialLogin: token(normalizeCustomerToken),
  signup: asIs(resourceLocationSchema),
  createAddress: asIs(resourceLocationSchema),
  getCustomer: asIs(customerSchema),
  listAddresses: asIs(addressListSchema),
  getAddress: asIs(addressDtoSchema),
  validateToken: asIs(validateTokenResponseSchema),
};
const tolerantErrors: Record<string, Tolerant> = {
  ErrorMessage: asIs(errorMessageSchema),
  GatewayFault: asIs(gatewayFaultSchema),
};

function lookup(name: string): z.ZodMiniType {
  const schema = zod[name];
  if (!schema) throw new Error(`src/api/generated has no ${name}`);
  return schema;
}

/** Request and response examples of `doc`, with the schemas `project` (the project spec) assigns them. */
export function mediaExampleCases(doc: Obj, project: Obj): ExampleCase[] {
  const projectOperations = new Map(operations(project).map((operation) => [operation.key, operation]));
  const all = operations(doc).flatMap((operation) => {
    const own = projectOperations.get(operation.key);
    if (!own?.operationId) return [];
    const id = own.operationId;
    const projectMedia = mediaTypes(project, own);
    return mediaTypes(doc, operation).flatMap((media) => {
      let wire: z.ZodMiniType;
      let tolerant: Tolerant | undefined;
      if (media.where === 'request') {
        wire = lookup(`z${pascal(id)}Body`);
      } else if (media.where.startsWith('2')) {
        wire = lookup(`z${pascal(id)}Result`);
        tolerant = tolerantResults[id];
      } else {
        const counterpart = projectMedia.find((m) => m.where === media.where && m.mediaType === media.mediaType);
        const model = counterpart && deref(project, counterpart.schema, '').refName;
        if (!model) throw new Error(`The project spec has no ${media.where} ${media.mediaType} model for ${id}`);
        wire = lookup(`z${model}`);
        tolerant = tolerantErrors[model];
      }
      return examplesOf(doc, media.located.node).map((example) => ({
        title: `${id} ${media.where} ${media.mediaType} «${example.name}»`,
        operationId: id,
        example,
        holder: media.located.pointer,
        responseName: media.responseName,
        wire,
        tolerant,
      }));
    });
  });
  return once(all);
}

const parameterSchemaSuffix: Record<string, string> = { query: 'Query', path: 'Path', header: 'Headers' };

/** Parameter examples of the project spec, each with its generated parameter schema. */
export function parameterExampleCases(project: Obj): ExampleCase[] {
  const all = operations(project).flatMap((operation) => {
    const id = operation.operationId ?? operation.key;
    return [...operation.parameters.entries()].flatMap(([key, located]) => {
      const [location = '', name = ''] = key.split('.');
      const group = lookup(`z${pascal(id)}${parameterSchemaSuffix[location] ?? location}`);
      const shape = 'shape' in group && isObj(group.shape) ? group.shape : {};
      const wire = shape[name] as z.ZodMiniType | undefined;
      if (!wire) throw new Error(`No generated schema for parameter ${key} of ${id}`);
      return examplesOf(project, located.node).map((example) => ({
        title: `${id} parameter ${key} «${String(example.value)}»`,
        operationId: id,
        example,
        holder: located.pointer,
        wire,
      }));
    });
  });
  return once(all);
}

/** Names of `components/examples` entries no `$ref` in the document points at. */
export function unusedSharedExamples(doc: Obj): string[] {
  const text = JSON.stringify(doc);
  const shared = Object.keys(isObj(doc.components) && isObj(doc.components.examples) ? doc.components.examples : {});
  return shared.filter((name) => !text.includes(`"${pointerTo('#', 'components', 'examples', name)}"`));
}

/**
 * The example parses with the wire schema without being changed, and the client's tolerant parser
 * accepts it too (token responses must yield an access token and a lifetime).
 */
export function expectExampleParses(c: ExampleCase, value: unknown = c.example.value): void {
  expect(c.wire.parse(value)).toEqual(value);
  if (!c.tolerant) return;
  const parsed = c.tolerant.parse(value);
  if (c.tolerant.roundTrips) expect(parsed).toEqual(value);
  else expect(parsed).toMatchObject({ accessToken: expect.any(String), expiresIn: expect.any(Number) });
}
