import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium.ts';

/**
 * End-to-end tests in Debian's Chromium (see scripts/chromium.ts) of the two built example apps, both on the
 * simulator:
 * - `account-page`: the Vite single-page app (examples/account-page), the simulator in a service worker,
 *   served by `npm run example:preview`;
 * - `next-storefront`: the Next.js App Router storefront in proxy session mode (examples/next-storefront), the
 *   simulator behind MSW in its server process, built once per run (after the library: it imports the build)
 *   and served by `next start`.
 */
const vitePort = 4173;
const nextPort = 3100;
// The e2e runs on the simulator: a tenant configured in the environment must not reach a build.
const simulatorOnly = { VITE_EMPORIX_TENANT: '', VITE_EMPORIX_CLIENT_ID: '', EMPORIX_TENANT: '', EMPORIX_CLIENT_ID: '' };

export default defineConfig({
  outputDir: 'test-results/e2e',
  timeout: 45_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: 'list',
  use: {
    browserName: 'chromium',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    {
      name: 'account-page',
      testDir: 'test/e2e',
      use: {
        baseURL: `http://127.0.0.1:${vitePort}`,
        // Service workers (MSW) only run in secure contexts: 127.0.0.1 is one.
        serviceWorkers: 'allow',
      },
    },
    {
      name: 'next-storefront',
      testDir: 'test/e2e-next',
      use: { baseURL: `http://127.0.0.1:${nextPort}` },
    },
  ],
  webServer: [
    {
      command: 'npm run example:build -- --logLevel warn && npm run example:preview -- --strictPort',
      url: `http://127.0.0.1:${vitePort}`,
      env: simulatorOnly,
      // Always the current build: a preview left running from an earlier build would test stale code.
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `npm run example:next:build && npm run example:next:start -- --port ${nextPort}`,
      url: `http://127.0.0.1:${nextPort}/login`,
      env: simulatorOnly,
      reuseExistingServer: false,
      // The library build, then `next build` (about a minute on two cores, sharing them with the other server).
      timeout: 240_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
