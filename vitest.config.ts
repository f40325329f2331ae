import { createRequire } from 'node:module';
import { configDefaults, defineConfig } from 'vitest/config';
import type { InlineConfig } from 'vitest/node';
import react from '@vitejs/plugin-react';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { chromiumLaunchOptions } from './scripts/chromium.ts';
import { packageAliases } from './scripts/package-aliases.ts';


/**
 * The `react18` project runs the hook and component tests on React 18 (devDependencies `react-18` and
 * `react-dom-18`). Aliases reach only what Vite transforms, so React 18 and every package that imports
 * React are pre-bundled together, with `react` and `react-dom` inside them (react-dom's own `require`s
 * included) resolved to the 18 copies. Vitest never pre-bundles a dependency named `react` or ending in
 * `jsx-runtime`, hence the resolver plugin and the runtimes by file path.
 */
const require = createRequire(import.meta.url);
const react18Path = (id: string) =>
  require.resolve(
    id
      // jsdom stands for a browser: the pre-bundle is built for one, without Node's streams
      .replace(/^react-dom\/server$/, 'react-dom/server.browser')
      .replace(/^react-dom(?=\/|$)/, 'react-dom-18')
      .replace(/^react(?=\/|$)/, 'react-18'),
  );
const react18Runtime = react18Path('react/jsx-runtime');
const react18DevRuntime = react18Path('react/jsx-dev-runtime');
const react18Aliases = [
  { find: /^react\/jsx-runtime$/, replacement: react18Runtime },
  { find: /^react\/jsx-dev-runtime$/, replacement: react18DevRuntime },
  { find: /^react$/, replacement: 'react-18' },
  { find: /^react-dom$/, replacement: 'react-dom-18' },
  { find: /^react-dom\/server$/, replacement: 'react-dom-18/server.browser' },
  { find: /^react-dom\/(.*)$/, replacement: 'react-dom-18/$1' },
];
/** Every package the tests load that imports React; one missing shows as a second React ("ReactCurrentDispatcher"). */
const react18Bundled = [
  'react-18',
  react18Runtime,
  react18DevRuntime,
  'react-dom-18',
  'react-dom-18/client',
  'react-dom-18/test-utils',
  'react-dom-18/server.browser',
  '@testing-library/react',
  '@tanstack/react-query',
  'react-hook-form',
  '@hookform/resolvers/zod',
];
const react18InPrebundle = {
  name: 'react-18-in-prebundle',
  resolveId(id: string) {
    return /^react(-dom)?(\/[\w.-]+)?$/.test(id) ? react18Path(id) : null;
  },
};

/** The hook and component tests' environment: jsdom, the shared setup, mocks restored after each test. */
const inJsdom = { environment: 'jsdom', setupFiles: ['test/setup.ts'], restoreMocks: true } satisfies InlineConfig;

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        // the docs' samples import the package by its public names, resolved to the sources (no build needed)
        resolve: { alias: packageAliases },
        test: {
          name: 'unit',
          ...inJsdom,
          include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, 'test/ssr/**', 'test/server/**', 'test/react18/**'],
        },
      },
      {
        // Server-side code in plain Node (server rendering, the proxy): no jsdom, no DOM globals, no setup file.
        extends: true,
        test: {
          name: 'ssr',
          environment: 'node',
          include: ['test/ssr/**/*.test.{ts,tsx}', 'test/server/**/*.test.ts'],
          restoreMocks: true,
          unstubGlobals: true,
        },
      },
      {
        extends: true,
        resolve: { alias: react18Aliases },
        test: {
          name: 'react18',
          ...inJsdom,
          include: [
            'src/hooks/**/*.test.{ts,tsx}',
            'src/components/**/*.test.{ts,tsx}',
            'test/react18/**/*.test.{ts,tsx}',
            'test/strict-mode/**/*.test.{ts,tsx}',
          ],
          deps: {
            optimizer: { client: { enabled: true, include: react18Bundled, rolldownOptions: { plugins: [react18InPrebundle] } } },
          },
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        optimizeDeps: {
          include: [
            'msw',
            'msw/browser',
            'msw-storybook-addon/csf3',
            '@tanstack/react-query',
            'react-hook-form',
            '@hookform/resolvers/zod',
            'zod',
          ],
        },
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: chromiumLaunchOptions }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
