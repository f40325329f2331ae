/**
 * Helpers for the Next.js storefront (examples/next-storefront, proxy session mode): shoppers of their own for
 * each test (the simulator in the server process is shared by every test), and the check that no token the
 * proxy keeps is anywhere a script of the page can read.
 */
import { expect, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { simulatorDefaults } from 'emporix-customer-react/testing';

export const tenant = simulatorDefaults.tenant;

/** The proxy's URL of an operation below `/customer/{tenant}`. */
export const proxyPath = (path: string) => `/api/emporix/customer/${tenant}${path}`;

export interface Shopper {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
}

/** Signs a new shopper up through the proxy (the simulator activates accounts at once). */
export async function newShopper(request: APIRequestContext, baseURL: string, firstName: string, lastName: string): Promise<Shopper> {
  const shopper = {
    email: `${firstName.toLowerCase()}-${Math.random().toString(36).slice(2, 10)}@example.com`,
    password: `${firstName.toLowerCase()}-pass-1`,
    firstName,
    lastName,
  };
  const signup = await request.post(proxyPath('/signup'), {
    headers: { 'x-emporix-proxy': '1', origin: baseURL },
    data: { email: shopper.email, password: shopper.password, customerDetails: { firstName, lastName } },
  });
  expect(signup.status()).toBe(201);
  return shopper;
}

export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  const form = page.getByRole('form', { name: 'Log in' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'My account', level: 1 })).toBeVisible();
}

/** The token values of the proxy's HttpOnly cookies (the customer refresh cookie holds `{expiry}~{token}`). */
export async function tokensInCookies(context: BrowserContext): Promise<string[]> {
  const cookies = await context.cookies();
  return cookies.filter((cookie) => cookie.httpOnly).map((cookie) => decodeURIComponent(cookie.value).replace(/^\d*~/, ''));
}

/** Every token seen so far in this context's cookies; none of them may ever be readable by the page. */
export class TokenWatch {
  private readonly seen = new Set<string>();

  constructor(private readonly context: BrowserContext) {}

  /** Checks `document.cookie`, `localStorage` and `sessionStorage` of the page against every token seen. */
  async expectNoneReadable(page: Page): Promise<void> {
    for (const token of await tokensInCookies(this.context)) if (token.length >= 8) this.seen.add(token);
    const readable = await page.evaluate(() => {
      const dump = (storage: Storage) =>
        Array.from({ length: storage.length }, (_, index) => `${storage.key(index)}=${storage.getItem(storage.key(index)!)}`);
      return [document.cookie, ...dump(localStorage), ...dump(sessionStorage)].join('\n');
    });
    expect(this.seen.size).toBeGreaterThan(0);
    for (const token of this.seen) expect(readable, 'a token the proxy keeps is readable by scripts').not.toContain(token);
  }
}
