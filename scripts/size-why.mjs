#!/usr/bin/env node
/**
 * Which modules make up each size budget in `.size-limit.json` (size-limit's own `--why` needs a network
 * service). Bundles the same imports from the sources with esbuild, peers external, minified, and lists
 * the inputs by their minified bytes in the output; gzip is only known for the whole bundle.
 *
 *   node scripts/size-why.mjs            every check
 *   node scripts/size-why.mjs LoginForm  checks whose name contains "LoginForm"
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const checks = JSON.parse(readFileSync(resolve(root, '.size-limit.json'), 'utf8'));
const peers = Object.keys(pkg.peerDependencies ?? {});
const top = Number(process.env.TOP ?? 15);

/** dist file → the source entry it is built from (see vite.config.ts). */
const sourceOf = {
  'dist/index.js': 'src/index.ts',
  'dist/api.js': 'src/api/index.ts',
  'dist/testing.js': 'src/testing/index.ts',
};

function entryFor(check) {
  if (check.path === 'scripts/size/whole-library.js') {
    return `export * from ${JSON.stringify(resolve(root, sourceOf['dist/index.js']))};\n`
      + `export * from ${JSON.stringify(resolve(root, sourceOf['dist/api.js']))};\n`;
  }
  const source = resolve(root, sourceOf[check.path]);
  if (!check.import) return `export * from ${JSON.stringify(source)};\n`;
  if (check.import === '*') return `import * as all from ${JSON.stringify(source)};\nconsole.log(all);\n`;
  const names = check.import.replace(/[{}]/g, '').trim();
  return `import ${check.import} from ${JSON.stringify(source)};\nconsole.log(${names});\n`;
}

const filter = process.argv[2];
for (const check of checks.filter((c) => !filter || c.name.includes(filter))) {
  const result = await build({
    stdin: { contents: entryFor(check), resolveDir: root, loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    minify: true,
    treeShaking: true,
    jsx: 'automatic',
    metafile: true,
    logLevel: 'error',
    external: peers.flatMap((name) => [name, `${name}/*`]),
    outfile: 'out.js',
  });
  const output = Object.values(result.metafile.outputs)[0];
  const code = result.outputFiles[0].contents;
  const rows = Object.entries(output.inputs)
    .map(([file, { bytesInOutput }]) => [relative(root, resolve(root, file)), bytesInOutput])
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1]);
  const byArea = new Map();
  for (const [file, bytes] of rows) {
    const area = file.startsWith('node_modules/')
      ? file.split('/').slice(1, file.split('/')[1].startsWith('@') ? 3 : 2).join('/')
      : file.split('/').slice(0, file.startsWith('src/api/generated') ? 3 : 2).join('/');
    byArea.set(area, (byArea.get(area) ?? 0) + bytes);
  }
  const kb = (n) => `${(n / 1024).toFixed(2)} kB`;
  console.log(`\n${check.name}${check.limit ? ` (limit ${check.limit})` : ''}`);
  console.log(`  from sources: ${kb(code.length)} minified, ${kb(gzipSync(code).length)} min+gzip`);
  console.log('  by area (minified):');
  for (const [area, bytes] of [...byArea].sort((a, b) => b[1] - a[1])) {
    console.log(`    ${kb(bytes).padStart(9)}  ${(100 * bytes / code.length).toFixed(0).padStart(3)}%  ${area}`);
  }
  console.log(`  top ${top} modules (minified):`);
  for (const [file, bytes] of rows.slice(0, top)) console.log(`    ${kb(bytes).padStart(9)}  ${file}`);
}
