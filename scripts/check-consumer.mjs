#!/usr/bin/env node
/**
 * Consumer install check: what a storefront gets from `npm install emporix-customer-react`.
 *
 * Packs the built package, installs the tarball into a fresh temporary project next to only the peers
 * (plus typescript and the React type packages), then, in that project:
 *   1. type-checks test/package/consumer/main.tsx — every entry point — under moduleResolution
 *      `bundler` and `node16`, with skipLibCheck off so the shipped declarations are checked too;
 *   2. bundles it with Vite, every import resolved from the consumer's node_modules;
 *   3. imports each entry point in plain Node (ESM resolution through `exports`, no `window` needed).
 * Run after `npm run build`. Removes the temporary project unless KEEP_CONSUMER=1.
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// Module entry points; the stylesheet (`./styles.css`) is bundled with the consumer's app below, not imported in Node.
const entryPoints = Object.keys(pkg.exports)
  .filter((key) => key !== './package.json' && !key.endsWith('.css'))
  .map((key) => (key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`));
const started = performance.now();
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

function step(label, run) {
  const since = performance.now();
  const result = run();
  console.log(`  ✓ ${label} (${seconds(since)})`);
  return result;
}

function sh(command, args, cwd) {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    process.stderr.write(`\n✗ ${command} ${args.join(' ')}  (in ${cwd})\n${error.stdout ?? ''}${error.stderr ?? ''}\n`);
    throw new Error(`consumer check failed at: ${command} ${args.join(' ')}`, { cause: error });
  }
}

function shAsync(command, args, cwd) {
  return new Promise((done, fail) => {
    execFile(command, args, { cwd, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (!error) return done(stdout);
      process.stderr.write(`\n✗ ${command} ${args.join(' ')}  (in ${cwd})\n${stdout}${stderr}\n`);
      fail(new Error(`consumer check failed at: ${command} ${args.join(' ')}`, { cause: error }));
    });
  });
}

if (!existsSync(join(root, 'dist/index.js'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

/** The versions the repository tests with, so the consumer sees the same peers (and npm's cache has them). */
const consumerDependencies = Object.fromEntries(
  ['react', 'react-dom', '@tanstack/react-query', 'react-hook-form', 'zod', 'msw', 'typescript', '@types/react', '@types/react-dom'].map(
    (name) => [name, pkg.devDependencies[name] ?? pkg.peerDependencies[name]],
  ),
);

const compilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: false,
  jsx: 'react-jsx',
  target: 'ES2022',
  lib: ['ES2023', 'DOM', 'DOM.Iterable'],
  types: [],
  isolatedModules: true,
  verbatimModuleSyntax: true,
};
const resolutions = {
  bundler: { module: 'ESNext', moduleResolution: 'bundler' },
  node16: { module: 'node16', moduleResolution: 'node16' },
};

const dir = mkdtempSync(join(tmpdir(), 'emporix-consumer-'));
console.log(`Consumer install check in ${dir}`);
try {
  const tarball = step('npm pack', () => {
    const [packed] = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', dir], root));
    console.log(`    ${packed.filename}: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(1)} kB packed`);
    return packed.filename;
  });

  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'emporix-consumer-check',
        private: true,
        type: 'module',
        dependencies: { [pkg.name]: `file:./${tarball}`, ...consumerDependencies },
      },
      null,
      2,
    ),
  );
  cpSync(join(root, 'test/package/consumer/main.tsx'), join(dir, 'src/main.tsx'));
  for (const [name, options] of Object.entries(resolutions)) {
    writeFileSync(
      join(dir, `tsconfig.${name}.json`),
      JSON.stringify({ compilerOptions: { ...compilerOptions, ...options }, files: ['src/main.tsx'] }, null, 2),
    );
  }

  step(`npm install: the tarball + ${Object.keys(consumerDependencies).join(', ')}`, () =>
    sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts', '--loglevel=error'], dir),
  );

  const installed = JSON.parse(readFileSync(join(dir, 'node_modules', pkg.name, 'package.json'), 'utf8'));
  for (const peer of Object.keys(pkg.peerDependencies)) {
    if (installed.dependencies?.[peer]) throw new Error(`${peer} is a peer but the package installs it as a dependency`);
  }

  // Both resolutions at once: each is a single-threaded tsc, and checking the libraries' declarations is most of it.
  await Promise.all(
    Object.keys(resolutions).map(async (name) => {
      const since = performance.now();
      await shAsync(process.execPath, [join(dir, 'node_modules/typescript/bin/tsc'), '-p', `tsconfig.${name}.json`], dir);
      console.log(`  ✓ tsc --noEmit, moduleResolution ${name}, skipLibCheck off (${seconds(since)})`);
    }),
  );

  await (async () => {
    const since = performance.now();
    const { build } = await import('vite');
    const output = await build({
      configFile: false,
      root: dir,
      logLevel: 'error',
      build: {
        outDir: join(dir, 'out'),
        emptyOutDir: true,
        minify: true,
        rollupOptions: { input: join(dir, 'src/main.tsx'), preserveEntrySignatures: 'exports-only' },
      },
    });
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output);
    const bundled = new Set(
      chunks.flatMap((chunk) => Object.keys(chunk.modules ?? {})).filter((id) => id.includes(`node_modules/${pkg.name}/`)),
    );
    if (bundled.size === 0) throw new Error(`the bundle holds no module of ${pkg.name}`);
    // The optional stylesheet, imported by main.tsx through the package's `exports`, lands in the app's CSS.
    const css = chunks.filter((chunk) => chunk.type === 'asset' && chunk.fileName.endsWith('.css'));
    if (!css.some((asset) => String(asset.source).includes('.emporix'))) throw new Error('styles.css did not reach the bundle');
    const outside = [...bundled].filter((id) => !id.startsWith(join(dir, 'node_modules')));
    if (outside.length > 0) throw new Error(`modules resolved outside the consumer: ${outside.join(', ')}`);
    console.log(`  ✓ vite build of src/main.tsx: ${bundled.size} module(s) from the tarball, all under the consumer's node_modules (${seconds(since)})`);
  })();

  step(`node import of ${entryPoints.join(', ')}`, () => {
    const script = `for (const id of ${JSON.stringify(entryPoints)}) { const m = await import(id); if (Object.keys(m).length === 0) throw new Error(id + ' exports nothing'); }`;
    writeFileSync(join(dir, 'import-all.mjs'), script);
    sh(process.execPath, ['import-all.mjs'], dir);
  });

  console.log(`Consumer install check passed in ${seconds(started)}.`);
} finally {
  if (process.env.KEEP_CONSUMER) console.log(`Kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
