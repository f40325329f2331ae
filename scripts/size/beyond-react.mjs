/**
 * esbuild settings for the "beyond React" checks of `.size-limit.json`: everything an import pulls in —
 * zod, react-hook-form, the resolvers, TanStack Query — except `react` and `react-dom`, which every
 * storefront has anyway. size-limit always leaves the package's peers out, so these checks bring their
 * own esbuild config (the check's `config`): one small file per entry in scripts/size/beyond-react/.
 */
import { basename, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** What stays out of a "beyond React" bundle. */
export const reactOnly = ['react', 'react/*', 'react-dom', 'react-dom/*'];

/** A storefront's production build: dependencies drop their development-only checks and warnings. */
export const production = { 'process.env.NODE_ENV': '"production"' };

/** The esbuild config size-limit runs for `entry` (a path from the package root). */
export function beyondReact(entry) {
  return {
    entryPoints: [resolve(root, entry)],
    bundle: true,
    format: 'esm',
    minify: true,
    treeShaking: true,
    external: reactOnly,
    define: production,
    metafile: true,
    write: true,
    // size-limit reads the bundle from disk; one folder per entry, overwritten on every run.
    outdir: resolve(root, 'node_modules/.cache/size-beyond-react', basename(entry, '.js')),
    logLevel: 'error',
  };
}
