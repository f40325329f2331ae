#!/usr/bin/env node
/**
 * Post-processing step of `npm run generate` (see openapi-ts.config.ts): marks every zod call in the
 * generated schemas `/* @__PURE__ *\/`, so a bundler drops the schemas an app does not use. Building a zod
 * schema has no side effects, but a bundler only drops a call whose arguments are marked as well, so each
 * call expression is marked, nested ones included.
 *
 *   node scripts/mark-pure.mjs <folder>
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const folder = process.argv[2];
if (!folder) throw new Error('usage: node scripts/mark-pure.mjs <folder>');

const MARK = '/* @__PURE__ */ ';
/** The start of a call chain on `z` or on a generated schema (`zAddress.optional()`), not already marked. */
const callChain = /(?<![\w$.]|@__PURE__ \*\/ )\b(z\w*)(?=(?:\.\w+)+\()/g;

for (const file of readdirSync(folder)) {
  if (!file.startsWith('zod')) continue;
  const path = join(folder, file);
  const source = readFileSync(path, 'utf8');
  const marked = source.replace(callChain, `${MARK}$1`);
  if (marked !== source) writeFileSync(path, marked);
}
