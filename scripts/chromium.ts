/**
 * How the test runners start Debian's Chromium (browsers are not downloaded here; `CHROMIUM_PATH`
 * overrides the path): the story tests (vitest browser mode) and the e2e tests (Playwright) alike.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
