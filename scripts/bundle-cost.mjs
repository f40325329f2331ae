/**
 * What each size budget of `.size-limit.json` costs, bundled from the sources with esbuild the way a
 * storefront's bundler would take the built package: tree-shaken, minified, gzipped at level 9 like
 * size-limit. Two measures:
 * - peers external: the library's own bytes (react, TanStack Query, react-hook-form and zod left out, as
 *   size-limit does for a package's peers);
 * - beyond React: everything the import pulls in except `react` and `react-dom` — what a shopper downloads
 *   for it in a storefront that already has React (the checks with a `config`, see scripts/size/beyond-react.mjs).
 * No build and no network needed, so `size:why` and `bench` can run any time; `npm run size` remains the
 * gate on the built `dist/`.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { production, reactOnly } from './size/beyond-react.mjs';

export const root = resolve(import.meta.dirname, '..');

const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));

/** What a "peers external" bundle leaves out: every peer dependency of the package, as size-limit does. */
export const peersExternal = Object.keys(pkg.peerDependencies ?? {}).flatMap((name) => [name, `${name}/*`]);
export { reactOnly };

/** dist file → the source entry it is built from (see vite.config.ts). */
const sourceOf = {
  'dist/index.js': 'src/index.ts',
  'dist/api.js': 'src/api/index.ts',
};

/**
 * The checks of `.size-limit.json`, each with its limit in bytes (`limitBytes`, undefined without a limit),
 * the entry it bundles (`path`, `import`) and what it leaves out (`external`: `peersExternal` or `reactOnly`).
 */
export async function sizeChecks() {
  const checks = JSON.parse(readFileSync(resolve(root, '.size-limit.json'), 'utf8'));
  return Promise.all(
    checks.map(async (check) => {
      const limitBytes = check.limit ? parseSize(check.limit) : undefined;
      if (!check.config) return { ...check, limitBytes, external: peersExternal };
      const config = (await import(pathToFileURL(resolve(root, check.config)).href)).default;
      return { ...check, limitBytes, path: relative(root, config.entryPoints[0]), external: config.external };
    }),
  );
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

/**
 * What esbuild starts from for a check: the file at `path` itself, or — with an `import` — a module that
 * imports it from there, as size-limit does. (The package is `sideEffects: false`, so an entry file is
 * bundled as the entry point, never re-exported.)
 */
function entryFor({ path, import: names }) {
  if (!names) return { entryPoints: [resolve(root, path)] };
  const target = JSON.stringify(resolve(root, path));
  const contents = names === '*'
    ? `import * as all from ${target};\nconsole.log(all);\n`
    : `import ${names} from ${target};\nconsole.log(${names.replace(/[{}]/g, '').trim()});\n`;
  return { stdin: { contents, resolveDir: root, loader: 'js' } };
}

/** Reads the package's own entries from the sources instead of `dist/`. */
const fromSources = {
  name: 'dist-to-sources',
  setup(build) {
    build.onResolve({ filter: /dist\/(index|api)\.js$/ }, (args) => {
      const source = sourceOf[relative(root, resolve(args.resolveDir, args.path))];
      return source ? { path: resolve(root, source) } : undefined;
    });
  },
};

/**
 * Bundles one entry (`path`, optional `import`) leaving `external` out (the peers unless told otherwise).
 * Returns the minified `code`, its sizes, and esbuild's metafile output entry (which input modules ended up
 * in it, by minified bytes); with `{ sourcemap: true }` also the source map's JSON (`map`).
 */
export async function bundleCost({ path, import: names, external = peersExternal }, { sourcemap = false } = {}) {
  const result = await build({
    ...entryFor({ path, import: names }),
    bundle: true,
    write: false,
    format: 'esm',
    minify: true,
    treeShaking: true,
    jsx: 'automatic',
    metafile: true,
    logLevel: 'error',
    external,
    define: production,
    plugins: [fromSources],
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
