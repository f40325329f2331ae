/** Helpers for driving the example app: opening it on the simulator, the dev inbox, logging in and out. */
import { test as base, expect, type Locator, type Page } from '@playwright/test';

/** Playwright's `test`, failing any test in which a page of its browser context threw an uncaught error. */
export const test = base.extend<{ noPageErrors: void }>({
  noPageErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      const watch = (page: Page) => page.on('pageerror', (error) => errors.push(error.message));
      context.pages().forEach(watch);
      context.on('page', watch);
      await use();
      expect(errors, 'uncaught errors in the app').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens an app path and waits until the simulator's service worker answers the page's requests. */
export async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('complementary', { name: 'Dev inbox' })).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** The link of the newest mail with this subject in the dev inbox. */
export function mailLink(page: Page, subject: string): Locator {
  return page.getByRole('complementary', { name: 'Dev inbox' }).getByRole('link', { name: subject }).first();
}

export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Log in', level: 1 })).toBeVisible();
  const form = page.getByRole('form', { name: 'Log in' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'My account', level: 1 })).toBeVisible();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('heading', { name: 'Log in', level: 1 })).toBeVisible();
}
