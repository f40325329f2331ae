#!/usr/bin/env node
/**
 * The API reference in docs/reference: TypeDoc (with typedoc-plugin-markdown) over the three entry points.
 *
 *   node scripts/reference/generate.mjs          regenerates docs/reference (`npm run docs:reference`)
 *   node scripts/reference/generate.mjs --check  fails, naming the files, when the committed reference is
 *                                                not what the sources generate (part of `npm test`)
 *
 * The output is committed so that it reads on GitHub and in the npm package without a build.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const committed = join(root, 'docs/reference');
const check = process.argv.includes('--check');

function typedoc(out) {
  try {
    execFileSync(
      process.execPath,
      [join(root, 'node_modules/typedoc/bin/typedoc'), '--options', join(import.meta.dirname, 'typedoc.config.mjs'), '--out', out, '--logLevel', 'Warn'],
      { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
    );
  } catch {
    console.error('TypeDoc failed (see above).');
    process.exit(1);
  }
}

/** Every file under `dir`, by its path relative to `dir`, with its text. */
function files(dir) {
  const found = new Map();
  const walk = (at) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  try {
    walk(dir);
  } catch {
    // a missing folder has no files
  }
  return found;
}

if (!check) {
  rmSync(committed, { recursive: true, force: true });
  typedoc(committed);
  console.log(`API reference written to ${relative(root, committed)}/ (${files(committed).size} files).`);
} else {
  const fresh = mkdtempSync(join(tmpdir(), 'emporix-reference-'));
  try {
    typedoc(fresh);
    const want = files(fresh);
    const have = files(committed);
    const stale = [...new Set([...want.keys(), ...have.keys()])].filter((file) => want.get(file) !== have.get(file)).sort();
    if (stale.length > 0) {
      console.error(`docs/reference is stale: ${stale.join(', ')}.\nRun \`npm run docs:reference\` and commit the result.`);
      process.exit(1);
    }
    console.log(`docs/reference is up to date (${want.size} files).`);
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}
