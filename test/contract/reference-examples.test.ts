/**
 * (a) Every request and response example of the public reference parses with the project's schemas:
 * unchanged by the generated wire schema, accepted by the client's tolerant parsers. The reference's
 * malformed error examples (listed in spec/DEVIATIONS.md) are unwrapped first, and must still be malformed.
 */
import { describe, expect, it } from 'vitest';
import { expectExampleParses, mediaExampleCases, type ExampleCase } from './example-cases';
import { exampleHolders } from './openapi';
import { loadDeviations, loadYaml, referenceApiPath, referenceAvailable, skipReason, specPath } from './support';

if (!referenceAvailable) console.info(skipReason);

const tolerated = new Set(loadDeviations().flatMap((deviation) => deviation.tolerates));
const exampleFixes = [...tolerated].filter((key) => key.endsWith('.example'));

describe.skipIf(!referenceAvailable)('examples of the public reference', () => {
  const reference = referenceAvailable ? loadYaml(referenceApiPath) : {};
  const cases = mediaExampleCases(reference, loadYaml(specPath));
  const wrapperKey = (c: ExampleCase) => (c.example.singular && c.responseName ? `${c.responseName}.example` : undefined);

  it.each(cases)('$title', (c) => {
    const key = wrapperKey(c);
    if (key && tolerated.has(key)) {
      // The reference put a name around the value; the bare value must fit, the wrapped one must not.
      const wrapped = c.example.value as Record<string, unknown>;
      expect(Object.keys(wrapped)).toHaveLength(1);
      expect(c.wire.parse(wrapped)).not.toEqual(wrapped);
      expectExampleParses(c, Object.values(wrapped)[0]);
    } else {
      expectExampleParses(c);
    }
  });

  it('covers every request and response example of the reference', () => {
    const visited = new Set(cases.map((c) => c.holder));
    const bodies = exampleHolders(reference).filter((pointer) => pointer.includes('/content/'));
    expect(bodies.filter((pointer) => !visited.has(pointer))).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it('each tolerated example fix is still needed', () => {
    const used = new Set(cases.map(wrapperKey));
    expect(exampleFixes.filter((key) => !used.has(key))).toEqual([]);
  });
});
