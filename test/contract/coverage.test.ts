/**
 * (b) The project spec covers the public reference: every operation (path, method, parameters, security,
 * bodies, responses) and every property of every seed model, with the same types and constraints.
 * Differences pass only when spec/DEVIATIONS.md lists them, and every listed one must still exist.
 */
import { describe, expect, it } from 'vitest';
import {
  bodySchemaDiffs,
  comparable,
  isObj,
  mediaTypes,
  operations,
  schemaDiffs,
  type Obj,
  type Operation,
} from './openapi';
import {
  loadDeviations,
  loadSeedModels,
  loadYaml,
  referenceApiPath,
  referenceAvailable,
  skipReason,
  specPath,
} from './support';

if (!referenceAvailable) console.info(skipReason);

/** The client's method names (DESIGN.md), one per operation of the service. */
const CLIENT_METHODS = [
  'anonymousLogin', 'anonymousRefresh', 'signup', 'login', 'logout', 'refreshCustomerToken', 'validateToken',
  'exchangeToken', 'socialLogin', 'confirmSignup', 'resendActivation', 'getCustomer', 'updateCustomer',
  'listAddresses', 'getAddress', 'createAddress', 'updateAddress', 'deleteAddress', 'addAddressTags',
  'removeAddressTags', 'changePassword', 'requestPasswordReset', 'resetPassword', 'requestEmailChange',
  'confirmEmailChange',
];

const deviations = loadDeviations();
const tolerated = new Set(deviations.flatMap((deviation) => deviation.tolerates));
const untolerated = (diffs: string[]) => diffs.filter((diff) => !tolerated.has(diff));

const project = loadYaml(specPath);
const schemasOf = (doc: Obj): Obj =>
  isObj(doc.components) && isObj(doc.components.schemas) ? doc.components.schemas : {};

describe('spec/DEVIATIONS.md', () => {
  it('lists each deviation once, with a change in words', () => {
    const ids = deviations.map((deviation) => deviation.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    for (const deviation of deviations) expect(deviation.change.length, deviation.id).toBeGreaterThan(20);
  });
});

describe.skipIf(!referenceAvailable)('the project spec against the public reference', () => {
  const reference = referenceAvailable ? loadYaml(referenceApiPath) : {};
  const seed = referenceAvailable ? loadSeedModels() : new Map<string, Obj>();
  const projectOperations = new Map(operations(project).map((operation) => [operation.key, operation]));
  const referenceOperations = operations(reference);

  function operationDiffs(theirs: Operation): string[] {
    const ours = projectOperations.get(theirs.key);
    if (!ours) return [theirs.key];
    const id = ours.operationId ?? ours.key;
    const diffs: string[] = [];

    const required = (operation: Operation, key: string) => {
      const node = operation.parameters.get(key)?.node;
      return node && (node.in === 'path' || node.required === true);
    };
    for (const key of new Set([...theirs.parameters.keys(), ...ours.parameters.keys()])) {
      if (required(theirs, key) !== required(ours, key)) diffs.push(`${id}.${key}`);
    }

    if (theirs.security.join() !== ours.security.join()) diffs.push(`${id}.security`);

    const theirRequired = isObj(theirs.node.requestBody) && theirs.node.requestBody.required === true;
    const ourRequired = isObj(ours.node.requestBody) && ours.node.requestBody.required === true;
    if (theirRequired !== ourRequired) diffs.push(`${id}.requestBody`);

    const statuses = (operation: Operation) => Object.keys(isObj(operation.node.responses) ? operation.node.responses : {});
    for (const status of new Set([...statuses(theirs), ...statuses(ours)])) {
      if (!statuses(theirs).includes(status) || !statuses(ours).includes(status)) diffs.push(`${id}.responses.${status}`);
    }

    const theirMedia = mediaTypes(reference, theirs);
    const ourMedia = mediaTypes(project, ours);
    const at = (where: string) => (where === 'request' ? `${id}.requestBody` : `${id}.responses.${where}`);
    for (const media of [...theirMedia, ...ourMedia]) {
      const theirsHere = theirMedia.find((m) => m.where === media.where && m.mediaType === media.mediaType);
      const oursHere = ourMedia.find((m) => m.where === media.where && m.mediaType === media.mediaType);
      if (!theirsHere || !oursHere) diffs.push(at(media.where));
      else diffs.push(...bodySchemaDiffs(at(media.where), [reference, theirsHere.schema], [project, oursHere.schema]));
    }
    return [...new Set(diffs)];
  }

  function modelDiffs(name: string): string[] {
    const definition = seed.get(name) ?? {};
    const ours = schemasOf(project)[name];
    if (!ours) return [name];
    return schemaDiffs(name, comparable(definition, schemasOf(definition)[name]), comparable(project, ours));
  }

  const projectOnlyModels = Object.keys(schemasOf(project)).filter((name) => !seed.has(name));
  const allDiffs = new Set([
    ...referenceOperations.flatMap(operationDiffs),
    ...[...seed.keys()].flatMap(modelDiffs),
    ...projectOnlyModels,
  ]);

  it('has the 25 operations of the reference, named after the client methods', () => {
    expect(referenceOperations).toHaveLength(25);
    expect(referenceOperations.filter((operation) => !projectOperations.has(operation.key))).toEqual([]);
    expect([...projectOperations.values()].map((operation) => operation.operationId).sort()).toEqual(
      [...CLIENT_METHODS].sort(),
    );
  });

  it.each(referenceOperations.map((operation) => [operation.key, operation] as const))(
    '%s: parameters, security, bodies and responses match',
    (_key, operation) => expect(untolerated(operationDiffs(operation))).toEqual([]),
  );

  it('restates all 29 seed models', () => expect(seed.size).toBe(29));

  it.each([...seed.keys()])('model %s: same properties, types and constraints', (name) =>
    expect(untolerated(modelDiffs(name))).toEqual([]),
  );

  it('adds models only where a deviation says so', () => expect(untolerated(projectOnlyModels)).toEqual([]));

  it('every tolerated difference is still a difference', () => {
    const stale = [...tolerated].filter((key) => !key.endsWith('.example') && !allDiffs.has(key));
    expect(stale).toEqual([]);
  });
});
