import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium.ts';

/**
 * `npm run docs:screenshots`: takes the pictures in docs/images, in Chromium, from the built example app (on
 * the simulator) and from the styling guide's stories in a built Storybook. Not part of `npm test`: run it
 * (under the browser lock, like the e2e tests) when the look changes, and commit the pictures.
 */
export default defineConfig({
  testDir: '.',
  testMatch: 'screenshots.spec.ts',
  outputDir: '../../test-results/screenshots',
  timeout: 60_000,
  workers: 1,
  reporter: 'list',
  use: {
    browserName: 'chromium',
    serviceWorkers: 'allow',
    launchOptions: chromiumLaunchOptions,
    deviceScaleFactor: 1,
  },
  webServer: [
    {
      command: 'npm run example:build -- --logLevel warn && npm run example:preview -- --strictPort',
      url: 'http://127.0.0.1:4173',
      cwd: '../..',
      env: { VITE_EMPORIX_TENANT: '', VITE_EMPORIX_CLIENT_ID: '' },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'npm run build-storybook -- --output-dir storybook-static && node scripts/docs/serve-static.mjs storybook-static 6007',
      url: 'http://127.0.0.1:6007/iframe.html',
      cwd: '../..',
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
