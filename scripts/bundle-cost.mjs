/**
 * What each size budget of `.size-limit.json` costs, bundled from the sources with esbuild the way a
 * storefront's bundler would take the built package: peers external, tree-shaken, minified, gzipped at
 * level 9 like size-limit. No build and no network needed, so `size:why` and `bench` can run any time;
 * `npm run size` remains the gate on the built `dist/`.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const root = resolve(import.meta.dirname, '..');

const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const peers = Object.keys(pkg.peerDependencies ?? {});

/** dist file → the source entry it is built from (see vite.config.ts). */
const sourceOf = {
  'dist/index.js': 'src/index.ts',
  'dist/api.js': 'src/api/index.ts',
};

/** The checks of `.size-limit.json`, each with its limit in bytes (`limitBytes`, undefined without a limit). */
export function sizeChecks() {
  const checks = JSON.parse(readFileSync(resolve(root, '.size-limit.json'), 'utf8'));
  return checks.map((check) => ({ ...check, limitBytes: check.limit ? parseSize(check.limit) : undefined }));
}

/** `"20 kB"` → 20000: size-limit counts 1 kB as 1000 bytes. */
export function parseSize(text) {
  const match = /^\s*([\d.]+)\s*(B|kB|KB|MB)?\s*$/.exec(text);
  if (!match) throw new Error(`Unreadable size "${text}".`);
  const factor = { B: 1, kB: 1000, KB: 1000, MB: 1_000_000 }[match[2] ?? 'B'];
  return Math.round(Number(match[1]) * factor);
}

/** Bytes as size-limit prints them (1 kB = 1000 B). */
export function formatSize(bytes) {
  return bytes < 1000 ? `${bytes} B` : `${(bytes / 1000).toFixed(2)} kB`;
}

/** The module esbuild bundles for a check: its import from the source entry instead of `dist/`. */
function entryFor(check) {
  if (check.path === 'scripts/size/whole-library.js') {
    return `export * from ${JSON.stringify(resolve(root, sourceOf['dist/index.js']))};\n`
      + `export * from ${JSON.stringify(resolve(root, sourceOf['dist/api.js']))};\n`;
  }
  const sourcePath = sourceOf[check.path];
  if (!sourcePath) throw new Error(`No source entry known for ${check.path} (see scripts/bundle-cost.mjs).`);
  const source = JSON.stringify(resolve(root, sourcePath));
  if (!check.import) return `export * from ${source};\n`;
  if (check.import === '*') return `import * as all from ${source};\nconsole.log(all);\n`;
  const names = check.import.replace(/[{}]/g, '').trim();
  return `import ${check.import} from ${source};\nconsole.log(${names});\n`;
}

/**
 * Bundles one check. Returns the minified `code`, its sizes, and esbuild's metafile output entry (which
 * input modules ended up in it, by minified bytes); with `{ sourcemap: true }` also the source map's JSON (`map`).
 */
export async function bundleCost(check, { sourcemap = false } = {}) {
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
    sourcemap: sourcemap ? 'external' : false,
  });
  const output = result.outputFiles.find((file) => file.path.endsWith('.js'));
  const code = output.contents;
  return {
    minified: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    code: output.text,
    output: result.metafile.outputs['out.js'],
    map: result.outputFiles.find((file) => file.path.endsWith('.map'))?.text,
  };
}
