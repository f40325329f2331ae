import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const image = (name: string) => fileURLToPath(new URL(`../../docs/images/${name}`, import.meta.url));

test('the example account page, styled by the optional stylesheet', async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 1000 });
  await page.goto('http://127.0.0.1:4173/login');
  await page.getByRole('form', { name: 'Log in' }).getByLabel('Email').fill('jane.doe@example.com');
  await page.getByRole('form', { name: 'Log in' }).getByLabel('Password').fill('correct-horse');
  await page.getByRole('form', { name: 'Log in' }).getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'My account', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Addresses' }).getByRole('listitem').first()).toBeVisible();
  // The page as a shopper sees it: without the simulator's dev inbox and the devtools button.
  await page.addStyleTag({ content: '.dev-inbox { display: none !important; }' });
  await page
    .getByRole('button', { name: 'Open Tanstack query devtools' })
    .evaluate((button) => ((button.parentElement as HTMLElement).style.display = 'none'));
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: image('account-page.png') });
});

/** A story of the styling guide once its play function has submitted the empty form. */
async function story(page: Page, id: string, file: string) {
  await page.setViewportSize({ width: 480, height: 640 });
  await page.goto(`http://127.0.0.1:6007/iframe.html?id=guides-styling-headless-parts--${id}&viewMode=story`);
  const root = page.locator('#storybook-root');
  // The first story waits for Storybook and the simulator's service worker to start.
  await expect(root.locator('[aria-invalid="true"]').first()).toBeVisible({ timeout: 30_000 });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await root.screenshot({ path: image(file) });
}

test('the styling guide: stylesheet with a theme', ({ page }) => story(page, 'stylesheet-with-theme', 'styling-stylesheet.png'));
test('the styling guide: Tailwind', ({ page }) => story(page, 'tailwind', 'styling-tailwind.png'));
test('the styling guide: shadcn/ui-style components', ({ page }) => story(page, 'shadcn-components', 'styling-shadcn.png'));
