import { expect, logIn, logOut, mailLink, open, test } from './app';

const max = { email: 'max.muster@example.com', password: 'first-pass-1' };

test('a shopper signs up, runs the account and resets the password through the dev inbox', async ({ page }) => {
  // Sign up; the simulator uses double opt-in, so the account waits for the mailed link.
  await open(page, '/signup');
  await page.getByLabel('Email').fill(max.email);
  await page.getByLabel('Password', { exact: true }).fill(max.password);
  await page.getByLabel('Confirm password').fill(max.password);
  await page.getByLabel('First name').fill('Max');
  await page.getByLabel('Last name').fill('Muster');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('status')).toContainText(`we sent a link to ${max.email}`);

  await mailLink(page, 'Activate your account').click();
  await expect(page.getByRole('heading', { name: 'My account', level: 1 })).toBeVisible();
  await expect(page.getByText('Hello, Max Muster.')).toBeVisible();
  await logOut(page);
  await logIn(page, max.email, max.password);

  // Profile
  const profile = page.getByRole('region', { name: 'Profile' });
  await profile.getByLabel('First name').fill('Maxi');
  await profile.getByRole('button', { name: 'Save profile' }).click();
  await expect(profile.getByRole('status')).toHaveText('Profile saved');
  await expect(page.getByText('Hello, Maxi Muster.')).toBeVisible();

  // Two addresses, then the second one becomes the default
  const addresses = page.getByRole('region', { name: 'Addresses' });
  const addAddress = async (city: string, street: string) => {
    await addresses.getByRole('button', { name: 'Add address' }).click();
    const form = addresses.getByRole('form', { name: 'New address' });
    await form.getByLabel('Full name').fill('Maxi Muster');
    await form.getByLabel('Street').fill(street);
    await form.getByLabel('House number').fill('1');
    await form.getByLabel('Postcode').fill('12345');
    await form.getByLabel('City').fill(city);
    await form.getByLabel('Country').selectOption('DE');
    await form.getByRole('button', { name: 'Save address' }).click();
    await expect(addresses.getByRole('listitem').filter({ hasText: city })).toBeVisible();
  };
  await addAddress('Hamburg', 'Elbchaussee');
  await addAddress('Munich', 'Leopoldstraße');
  const entries = addresses.getByRole('list').first().getByRole('listitem');
  await expect(entries).toHaveCount(2);
  await expect(entries.first()).toContainText('Hamburg');
  await expect(entries.first()).toContainText('Default');

  await addresses.getByRole('button', { name: 'Set as default: Maxi Muster, Munich' }).click();
  await expect(entries.first()).toContainText('Munich');
  await expect(entries.first()).toContainText('Default');
  await expect(addresses.getByRole('button', { name: 'Set as default: Maxi Muster, Hamburg' })).toBeVisible();

  // Change the password, then log in with the new one
  const password = page.getByRole('region', { name: 'Password' });
  await password.getByLabel('Current password').fill(max.password);
  await password.getByLabel('New password', { exact: true }).fill('second-pass-2');
  await password.getByLabel('Repeat the new password').fill('second-pass-2');
  await password.getByRole('button', { name: 'Change password' }).click();
  await expect(password.getByRole('status')).toHaveText('Your password has been changed.');
  await logOut(page);
  await logIn(page, max.email, 'second-pass-2');
  await logOut(page);

  // Forgotten password: request a link, follow it from the inbox; the token leaves the address bar
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.getByLabel('Email').fill(max.email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toContainText(max.email);

  await mailLink(page, 'Reset your password').click();
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await expect(page).toHaveURL(/\/password\/reset$/);
  await page.getByLabel('New password', { exact: true }).fill('third-pass-3');
  await page.getByLabel('Confirm new password').fill('third-pass-3');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('status')).toContainText('Your password has been changed');
  await page.getByRole('main').getByRole('button', { name: 'Log in' }).click();
  await logIn(page, max.email, 'third-pass-3');
});
