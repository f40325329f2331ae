import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import dts from 'vite-plugin-dts';
import pkg from './package.json' with { type: 'json' };

const external = [
  ...Object.keys(pkg.peerDependencies),
  ...Object.keys(pkg.dependencies),
];

/** Library build: ESM, one file per source module, peers and dependencies left external. */
export default defineConfig({
  plugins: [
    react(),
    dts({ tsconfigPath: './tsconfig.build.json', entryRoot: 'src', beforeWriteFile: withExplicitExtensions }),
    optionalStylesheet(),
  ],
  publicDir: false,
  build: {
    lib: {
      entry: {
        index: 'src/index.ts',
        api: 'src/api/index.ts',
        testing: 'src/testing/index.ts',
        server: 'src/server/index.ts',
        // Query keys and options without the React entry's 'use client' boundary: for server components and loaders.
        queries: 'src/queries/index.ts',
        doctor: 'src/doctor/index.ts',
        // The package's executable (`bin`): `npx emporix-customer-react doctor …`.
        cli: 'src/doctor/bin.ts',
      },
      formats: ['es'],
    },
    sourcemap: true,
    minify: false,
    rollupOptions: {
      external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
      // Keep imported constants as imports: inlined, they leave bare `import './x.js'` lines behind in this
      // one-file-per-module output, which app bundlers then warn about (the module is side-effect free).
      optimization: { inlineConst: false },
      output: {
        // One output file per source module: with `sideEffects: false`, an app's bundler then drops every
        // module it does not use, across entry points (a single bundled file defeats that).
        preserveModules: true,
        preserveModulesRoot: 'src',
        // React entry points run on the client only (React Server Components); the executable runs in Node.
        banner: (chunk) => (!chunk.isEntry ? '' : chunk.name === 'index' ? "'use client';" : chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
      },
    },
  },
});

/**
 * `emporix-customer-react/styles.css`: the optional look ships as written, as `dist/styles.css`. No module
 * imports it, so it never reaches an app that does not import it itself.
 */
function optionalStylesheet(): Plugin {
  return {
    name: 'emporix-optional-stylesheet',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'styles.css', source: readFileSync('src/styles/styles.css', 'utf8') });
    },
  };
}

/**
 * Declarations keep the sources' extensionless relative imports, which TypeScript's `node16`/`nodenext`
 * resolution rejects in an ESM package. Each one is pointed at the `.js` (or `/index.js`) that the
 * declaration file next to it describes; `dist/` mirrors `src/`, so the source tree tells which it is.
 */
function withExplicitExtensions(filePath: string, content: string) {
  const sourceDir = resolve('src', relative(resolve('dist'), dirname(filePath)));
  const exists = (path: string) => ['.ts', '.tsx', '.d.ts'].some((ext) => existsSync(`${path}${ext}`));
  const fixed = content.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+)\2/g, (match, lead, quote, spec) => {
    if (/\.(js|mjs|json)$/.test(spec)) return match;
    const target = resolve(sourceDir, spec);
    if (exists(target)) return `${lead}${quote}${spec}.js${quote}`;
    if (exists(resolve(target, 'index'))) return `${lead}${quote}${spec}/index.js${quote}`;
    return match;
  });
  return { content: fixed };
}
