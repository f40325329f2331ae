/**
 * (c) Every example in the project's own spec validates against the project's generated schemas
 * (unchanged by parsing) and, for response bodies, against the client's tolerant parsers.
 */
import { describe, expect, it } from 'vitest';
import { expectExampleParses, mediaExampleCases, parameterExampleCases, unusedSharedExamples } from './example-cases';
import { exampleHolders, examplesOf, mediaTypes, operations } from './openapi';
import { loadYaml, specPath } from './support';

const spec = loadYaml(specPath);
const cases = [...mediaExampleCases(spec, spec), ...parameterExampleCases(spec)];

describe('examples of spec/customer-managed.openapi.yaml', () => {
  it.each(cases)('$title', (c) => expectExampleParses(c));

  it('every request and response body has at least one example', () => {
    const bare = operations(spec).flatMap((operation) =>
      mediaTypes(spec, operation)
        .filter((media) => examplesOf(spec, media.located.node).length === 0)
        .map((media) => `${operation.operationId} ${media.where} ${media.mediaType}`),
    );
    expect(bare).toEqual([]);
  });

  it('no example sits where the walk does not look, and every shared example is used', () => {
    const visited = new Set(cases.map((c) => c.holder));
    expect(exampleHolders(spec).filter((pointer) => !visited.has(pointer))).toEqual([]);
    expect(unusedSharedExamples(spec)).toEqual([]);
  });
});
