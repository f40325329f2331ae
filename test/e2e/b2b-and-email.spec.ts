import { simulatorDefaults } from 'emporix-customer-react/testing';
import { expect, logIn, logOut, mailLink, open, test } from './app';

const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };

test('a B2B shopper switches the legal entity, which survives a reload', async ({ page }) => {
  await open(page, '/login');
  await logIn(page, jane.email, jane.password);
  const buyingFor = page.getByLabel('Buying for');
  await buyingFor.selectOption({ label: 'Globex Trading AG' });
  await expect(buyingFor).toHaveValue('LE-GLOBEX');
  await expect(buyingFor).toBeEnabled();

  await page.reload();
  await expect(page.getByLabel('Buying for')).toHaveValue('LE-GLOBEX');
  await expect(page.getByText('Hello, Jane Doe.')).toBeVisible();
});

test('a shopper changes the login email through the confirmation link', async ({ page }) => {
  await open(page, '/login');
  await logIn(page, jane.email, jane.password);
  const email = page.getByRole('region', { name: 'Login email' });
  await email.getByLabel('Password').fill(jane.password);
  await email.getByLabel('New login email').fill('jane@new.example');
  await email.getByRole('button', { name: 'Change login email' }).click();
  await expect(email.getByRole('status')).toContainText('jane@new.example');

  await mailLink(page, 'Confirm your new email address').click();
  await expect(page.getByRole('status')).toHaveText(/Your login email has been changed/);
  await expect(page).toHaveURL(/\/email\/confirm$/);
  await page.getByRole('link', { name: 'Go to your account' }).click();
  await logOut(page);
  await logIn(page, 'jane@new.example', jane.password);
});
