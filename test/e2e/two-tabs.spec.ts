import { simulatorDefaults } from 'emporix-customer-react/testing';
import { expect, logIn, open, test } from './app';

// Each tab runs its own simulator in its page; the example keeps the simulated tenant in localStorage, so the
// second tab's simulator knows the customer and the tokens the first tab's issued.
test('a second tab shares the session and follows a logout done in the first', async ({ context, page: first }) => {
  await open(first, '/login');
  await logIn(first, simulatorDefaults.email, simulatorDefaults.password);

  const second = await context.newPage();
  await open(second, '/account');
  await expect(second.getByRole('heading', { name: 'My account', level: 1 })).toBeVisible();
  await expect(second.getByText('Hello, Jane Doe.')).toBeVisible();

  await first.getByRole('button', { name: 'Log out' }).click();
  await expect(first.getByRole('heading', { name: 'Log in', level: 1 })).toBeVisible();
  await expect(second.getByRole('heading', { name: 'Log in', level: 1 })).toBeVisible();
  await expect(second.getByRole('button', { name: 'Log out' })).toHaveCount(0);
});
