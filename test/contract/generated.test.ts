/**
 * src/api/generated is exactly what `npm run generate` makes of the spec today (no hand edits, no stale
 * output), and none of its schemas carries a default that parsing could invent.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type UserConfig } from '@hey-api/openapi-ts';
import { afterAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import * as generated from '../../src/api/generated/zod.gen';
import config from '../../openapi-ts.config';
import { generatedDir, loadYaml, specPath } from './support';

const scratch = mkdtempSync(join(tmpdir(), 'emporix-generated-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const read = (dir: string) =>
  Object.fromEntries(readdirSync(dir).sort().map((file) => [file, readFileSync(join(dir, file), 'utf8')]));

/** Every schema nested in `schema` (object shapes, arrays, optionals, unions, pipes). */
function* walk(schema: z.core.$ZodType): Generator<z.core.$ZodType> {
  yield schema;
  if (schema instanceof z.ZodObject) for (const field of Object.values(schema.shape)) yield* walk(field);
  else if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) yield* walk(schema.unwrap());
  else if (schema instanceof z.ZodArray) yield* walk(schema.element);
  else if (schema instanceof z.ZodUnion) for (const option of schema.options) yield* walk(option);
  else if (schema instanceof z.ZodRecord) yield* walk(schema.valueType);
}

describe('src/api/generated', () => {
  it('is reproducible from the spec with the project config', { timeout: 30_000 }, async () => {
    const base: UserConfig = await config;
    const output = typeof base.output === 'string' ? { path: base.output } : base.output;
    // The spec goes in as a document: under jsdom the generator would fetch a path as a URL of the page.
    await createClient({ ...base, input: loadYaml(specPath), output: { ...output, path: scratch }, logs: { level: 'silent' } });
    expect(read(scratch)).toEqual(read(generatedDir));
  });

  it('has no defaults in any schema', () => {
    const exports: Record<string, unknown> = generated;
    const schemas = Object.entries(exports).filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType);
    expect(schemas.length).toBeGreaterThan(30);
    const withDefaults = schemas.filter(([, schema]) =>
      [...walk(schema)].some((node) => node instanceof z.ZodDefault || node instanceof z.ZodPrefault),
    );
    expect(withDefaults.map(([name]) => name)).toEqual([]);
  });
});
