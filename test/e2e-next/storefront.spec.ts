/**
 * The Next.js storefront in proxy session mode, built and served by `next start`: the account page rendered on
 * the server for the customer of the cookies, hydrated without asking again, the account journeys through the
 * library's components, and the security properties of proxy mode checked in a real browser.
 */
import { expect, test } from '@playwright/test';
import { logIn, newShopper, proxyPath, tokensInCookies, TokenWatch } from './storefront';

const ME = /\/api\/emporix\/customer\/[^/]+\/me(\/addresses)?(\?|$)/;

test('the first HTML of /account already shows the customer of the cookies, and no token', async ({ request, baseURL }) => {
  const ada = await newShopper(request, baseURL!, 'Ada', 'Lovelace');
  const login = await request.post(proxyPath('/login'), {
    headers: { 'x-emporix-proxy': '1', origin: baseURL! },
    data: { email: ada.email, password: ada.password },
  });
  expect(login.status()).toBe(200);

  const page = await request.get('/account', { maxRedirects: 0 });

  expect(page.status()).toBe(200);
  const html = await page.text();
  expect(html).toContain('Hello, Ada Lovelace.');
  const { cookies } = await request.storageState();
  const tokens = cookies.filter((cookie) => cookie.httpOnly).map((cookie) => decodeURIComponent(cookie.value).replace(/^\d*~/, ''));
  expect(tokens.length).toBeGreaterThanOrEqual(3);
  for (const token of tokens) expect(html).not.toContain(token);
  // A guest's request for the page (no cookies) is sent to the login.
  const guest = await fetch(`${baseURL}/account`, { redirect: 'manual' });
  expect(guest.status).toBe(307);
  expect(guest.headers.get('location')).toMatch(/\/login$/);
});

test('after hydration the account page sends no request for the customer it was rendered with', async ({ page, context, request, baseURL }) => {
  const grace = await newShopper(request, baseURL!, 'Grace', 'Hopper');
  await logIn(page, grace.email, grace.password);
  const reads: string[] = [];
  page.on('request', (sent) => {
    if (ME.test(new URL(sent.url()).pathname + new URL(sent.url()).search)) reads.push(`${sent.method()} ${sent.url()}`);
  });

  await page.goto('/account');

  await expect(page.getByText('Hello, Grace Hopper.')).toBeVisible();
  // Hydrated: the profile form took the customer's data, which only happens in the browser.
  await expect(page.getByRole('region', { name: 'Profile' }).getByLabel('First name')).toHaveValue('Grace');
  await page.waitForLoadState('networkidle');
  expect(reads).toEqual([]);
  await new TokenWatch(context).expectNoneReadable(page);
});

test('a shopper runs the account: profile, addresses, password, login email, logout — no token readable at any step', async ({
  page,
  context,
  request,
  baseURL,
}) => {
  const max = await newShopper(request, baseURL!, 'Max', 'Muster');
  const tokens = new TokenWatch(context);
  await logIn(page, max.email, max.password);
  await tokens.expectNoneReadable(page);
  await expect(page.getByText('Hello, Max Muster.')).toBeVisible();

  // Profile
  const profile = page.getByRole('region', { name: 'Profile' });
  await profile.getByLabel('First name').fill('Maxi');
  await profile.getByRole('button', { name: 'Save profile' }).click();
  await expect(profile.getByRole('status')).toHaveText('Profile saved');
  await expect(page.getByText('Hello, Maxi Muster.')).toBeVisible();
  await tokens.expectNoneReadable(page);

  // An address, which survives a reload (rendered on the server this time)
  const addresses = page.getByRole('region', { name: 'Addresses' });
  await addresses.getByRole('button', { name: 'Add address' }).click();
  const form = addresses.getByRole('form', { name: 'New address' });
  await form.getByLabel('Full name').fill('Maxi Muster');
  await form.getByLabel('Street').fill('Elbchaussee');
  await form.getByLabel('House number').fill('1');
  await form.getByLabel('Postcode').fill('22763');
  await form.getByLabel('City').fill('Hamburg');
  await form.getByLabel('Country').selectOption('DE');
  await form.getByRole('button', { name: 'Save address' }).click();
  await expect(addresses.getByRole('listitem').filter({ hasText: 'Hamburg' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Addresses' }).getByRole('listitem').filter({ hasText: 'Hamburg' })).toBeVisible();
  await tokens.expectNoneReadable(page);

  // Password
  const password = page.getByRole('region', { name: 'Password' });
  await password.getByLabel('Current password').fill(max.password);
  await password.getByLabel('New password', { exact: true }).fill('second-pass-2');
  await password.getByLabel('Repeat the new password').fill('second-pass-2');
  await password.getByRole('button', { name: 'Change password' }).click();
  await expect(password.getByRole('status')).toHaveText('Your password has been changed.');

  // Login email, confirmed through the link in the dev inbox
  const newEmail = `maxi-${Math.random().toString(36).slice(2, 8)}@new.example`;
  const email = page.getByRole('region', { name: 'Login email' });
  await email.getByLabel('Password').fill('second-pass-2');
  await email.getByLabel('New login email').fill(newEmail);
  await email.getByRole('button', { name: 'Change login email' }).click();
  await expect(email.getByRole('status')).toContainText(newEmail);
  await page.getByRole('link', { name: 'Dev inbox' }).click();
  await page.getByRole('listitem').filter({ hasText: `to ${newEmail}` }).getByRole('link', { name: 'Confirm your new email address' }).click();
  await expect(page.getByRole('status')).toHaveText(/Your login email has been changed/);
  await expect(page).toHaveURL(/\/email\/confirm$/);
  await tokens.expectNoneReadable(page);

  // Logout: the proxy expires the session's cookies
  await page.getByRole('link', { name: 'Go to your account' }).click();
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('heading', { name: 'Log in', level: 1 })).toBeVisible();
  const left = (await context.cookies()).map((cookie) => cookie.name);
  expect(left.filter((name) => /-(customer|customer-refresh|saas|login|legal-entity)$/.test(name))).toEqual([]);
  expect(await page.evaluate(() => document.cookie)).not.toMatch(/-login=/);
  await tokens.expectNoneReadable(page);

  // The new email and the new password work
  await logIn(page, newEmail, 'second-pass-2');
  await expect(page.getByText('Hello, Maxi Muster.')).toBeVisible();
});

test('a cross-site POST is refused (403), and a cross-site script cannot add the proxy header', async ({ page, context, request, baseURL }) => {
  const eve = await newShopper(request, baseURL!, 'Eve', 'Target');
  await logIn(page, eve.email, eve.password);
  const target = `${baseURL}${proxyPath('/me/addresses')}`;

  // Another site posts a form to the proxy with the shopper's browser (cookies and all, as far as SameSite lets them).
  await context.route('https://evil.example/attack', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<form method="post" enctype="text/plain" action="${target}"><input name='{"contactName":"Forged","x":"' value='"}'></form>
             <script>document.forms[0].submit()</script>`,
    }),
  );
  await context.route('https://evil.example/page', (route) => route.fulfill({ contentType: 'text/html', body: '<p>Another site</p>' }));
  const forged = page.waitForResponse((response) => response.url() === target && response.request().method() === 'POST');
  await page.goto('https://evil.example/attack');
  expect((await forged).status()).toBe(403);

  // Its script cannot send the header: the browser asks first (CORS preflight) and the proxy never allows it.
  await page.goto('https://evil.example/page');
  expect(new URL(page.url()).origin).toBe('https://evil.example');
  const outcome = await page.evaluate(async (url) => {
    try {
      const answer = await fetch(url, { method: 'POST', credentials: 'include', headers: { 'x-emporix-proxy': '1', 'content-type': 'application/json' }, body: '{"contactName":"Forged"}' });
      return `answered ${answer.status}`;
    } catch {
      return 'blocked';
    }
  }, target);
  expect(outcome).toBe('blocked');

  // With the header but from another origin (a non-browser client forging both): refused too.
  const withOrigin = await page.request.post(proxyPath('/me/addresses'), {
    headers: { 'x-emporix-proxy': '1', origin: 'https://evil.example' },
    data: { contactName: 'Forged' },
  });
  expect(withOrigin.status()).toBe(403);

  // Nothing was added to the account.
  await page.goto('/account');
  await expect(page.getByText('Hello, Eve Target.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Addresses' })).not.toContainText('Forged');
  expect((await tokensInCookies(context)).length).toBeGreaterThan(0);
});
