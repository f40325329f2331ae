import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium.ts';

/**
 * End-to-end tests of the built example app (examples/account-page) on the simulator, in Debian's Chromium
 * (see scripts/chromium.ts), served by `npm run example:preview` on its port.
 */
const port = 4173;

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  timeout: 45_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    // Service workers (MSW) only run in secure contexts: 127.0.0.1 is one.
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command: 'npm run example:build -- --logLevel warn && npm run example:preview -- --strictPort',
    url: `http://127.0.0.1:${port}`,
    // The e2e runs on the simulator: a tenant configured in the environment must not reach the build.
    env: { VITE_EMPORIX_TENANT: '', VITE_EMPORIX_CLIENT_ID: '' },
    // Always the current build: a preview left running from an earlier build would test stale code.
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
