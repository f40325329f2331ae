/**
 * Where the contract tests find their inputs: the project's spec and deviation list, and the shared
 * reference material at `../shared/reference` beside the project (absent on some machines: then the
 * tests that need it skip and say why).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { isObj, type Obj } from './openapi';

/**
 * A path relative to this folder. Takes a variable on purpose: Vite rewrites a literal
 * `new URL('…', import.meta.url)` into a served asset URL, which is no file path.
 */
const fromHere = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url).href);

export const generatedDir = fromHere('../../src/api/generated/');

export const specPath = fromHere('../../spec/customer-managed.openapi.yaml');
export const deviationsPath = fromHere('../../spec/DEVIATIONS.md');
const referenceDir = fromHere('../../../shared/reference/');
export const referenceApiPath = `${referenceDir}emporix-customer-managed-api.yml`;
export const seedModelsPath = `${referenceDir}seed-models.md`;

export const tutorialPath = `${referenceDir}customer-management-tutorial.md`;

export const referenceAvailable = existsSync(referenceApiPath) && existsSync(seedModelsPath);
export const skipReason = '../shared/reference is not beside the project: reference contract tests skipped.';
export const tutorialAvailable = existsSync(tutorialPath);
export const tutorialSkipReason =
  '../shared/reference/customer-management-tutorial.md is not beside the project: tutorial example tests skipped.';

export function loadYaml(path: string): Obj {
  const doc: unknown = parse(readFileSync(path, 'utf8'));
  if (!isObj(doc)) throw new Error(`${path} is not a YAML mapping`);
  return doc;
}

/** The seed models: each `## The X object` section holds a JSON document defining X (and what X uses). */
export function loadSeedModels(): Map<string, Obj> {
  const text = readFileSync(seedModelsPath, 'utf8');
  const models = new Map<string, Obj>();
  for (const [, name, json] of text.matchAll(/^## The (\w+) object\s+```json\s+(.+?)\s+```/gms)) {
    if (name && json) models.set(name, JSON.parse(json) as Obj);
  }
  return models;
}

export interface Deviation {
  id: string;
  tolerates: string[];
  change: string;
}

/** The rows of the table in spec/DEVIATIONS.md: `| id | tolerates | change |`, keys in backticks. */
export function loadDeviations(): Deviation[] {
  const rows = readFileSync(deviationsPath, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*(id\s*\||-)/.test(line));
  return rows.map((line) => {
    const [id = '', tolerates = '', change = ''] = line.split('|').slice(1, -1).map((cell) => cell.trim());
    return { id, tolerates: [...tolerates.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ''), change };
  });
}
