import type { Locator, Page } from '@playwright/test';
import { simulatorDefaults } from 'emporix-customer-react/testing';
import { expect, logIn, logOut, open, test } from './app';

const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };

const heading = (page: Page, name: string) => page.getByRole('heading', { name, level: 1 });

test('the app loads without a failed request or a console error', async ({ page }) => {
  const problems: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await open(page, '/login');
  await logIn(page, jane.email, jane.password);
  await logOut(page);
  expect(problems).toEqual([]);
});

test('moving between pages puts the focus on the new page heading', async ({ page }) => {
  await open(page, '/login');
  // A page the browser loaded keeps the usual start of the document.
  await expect(heading(page, 'Log in')).not.toBeFocused();

  await logIn(page, jane.email, jane.password);
  await expect(heading(page, 'My account')).toBeFocused();
  await expect(page).toHaveTitle(/^My account/);

  await logOut(page);
  await expect(heading(page, 'Log in')).toBeFocused();

  await page.getByRole('main').getByRole('link', { name: 'Create an account' }).click();
  await expect(heading(page, 'Create an account')).toBeFocused();

  // The keyboard continues from the heading: the next stop is the form's first field.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Email')).toBeFocused();

  await page.goBack();
  await expect(heading(page, 'Log in')).toBeFocused();
});

test.describe('on a phone (375 px wide)', () => {
  test.use({ viewport: { width: 375, height: 667 }, hasTouch: true });

  /** Whether the element at the centre of `target` is `target` (or inside it): nothing covers it. */
  async function isUncovered(target: Locator): Promise<boolean> {
    return target.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return top !== null && element.contains(top);
    });
  }

  async function scrollToEnd(page: Page): Promise<void> {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  }

  test('the dev inbox is a collapsed bar that covers nothing, beside the devtools button', async ({ page }) => {
    await open(page, '/login');
    const inbox = page.getByRole('complementary', { name: 'Dev inbox' });
    const devtools = page.getByRole('button', { name: 'Open Tanstack query devtools' });
    await expect(devtools).toBeVisible();

    // Collapsed: a one-line bar, its content hidden until asked for.
    await expect(inbox.getByText('Dev inbox')).toBeVisible();
    await expect(inbox.getByRole('button', { name: 'Reset simulator' })).toBeHidden();
    const bar = (await inbox.boundingBox())!;
    expect(bar.height).toBeLessThan(64);

    // Nothing wider than the screen, and the devtools button sits beside the bar, not under it.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(bar.x + bar.width).toBeLessThanOrEqual(375);
    const badge = (await devtools.boundingBox())!;
    const overlaps =
      badge.x < bar.x + bar.width && bar.x < badge.x + badge.width && badge.y < bar.y + bar.height && bar.y < badge.y + badge.height;
    expect(overlaps, `devtools button ${JSON.stringify(badge)} overlaps the inbox ${JSON.stringify(bar)}`).toBe(false);
    expect(await isUncovered(devtools)).toBe(true);

    // The end of the page scrolls clear of the bar: its last control is not covered.
    await scrollToEnd(page);
    expect(await isUncovered(page.getByText('No activation mail?'))).toBe(true);

    // Opened on demand, the inbox shows its mails and actions; closed again, it is a bar again.
    await inbox.getByText('Dev inbox').click();
    await expect(inbox.getByRole('button', { name: 'Reset simulator' })).toBeVisible();
    await inbox.getByText('Dev inbox').click();
    await expect(inbox.getByRole('button', { name: 'Reset simulator' })).toBeHidden();
  });

  test('the account page is usable to its end', async ({ page }) => {
    await open(page, '/login');
    await logIn(page, jane.email, jane.password);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await scrollToEnd(page);
    const logout = page.getByRole('button', { name: 'Log out' });
    expect(await isUncovered(logout)).toBe(true);
    await logout.tap();
    await expect(heading(page, 'Log in')).toBeVisible();
  });
});
