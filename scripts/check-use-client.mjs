#!/usr/bin/env node
/**
 * The built React entry must start with the `'use client'` directive (React Server Components treat it as
 * a client boundary); the other entries must not carry it, so servers can use `/api`, `/server` and `/queries` directly.
 * Run after `npm run build`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const directive = /^\s*(['"])use client\1;?/;
const expectations = {
  'dist/index.js': true,
  'dist/api.js': false,
  'dist/testing.js': false,
  'dist/server.js': false,
  // Query keys and options for server components: no client boundary.
  'dist/queries.js': false,
};

let failed = false;
for (const [file, wanted] of Object.entries(expectations)) {
  const has = directive.test(readFileSync(resolve(root, file), 'utf8'));
  const ok = has === wanted;
  failed ||= !ok;
  console.log(`${ok ? '✓' : '✗'} ${file} ${wanted ? 'starts' : 'does not start'} with 'use client'${ok ? '' : ' — wrong'}`);
}
process.exit(failed ? 1 : 0);
