/**
 * Proxy mode in jsdom: a page on `http://localhost:3000` (jsdom's URL) whose browser client talks to a real
 * `createCustomerProxy` in front of a fresh simulator. The page's `fetch` hands each request to `proxy.handle`
 * the way a browser would — with the cookies for that path, an `Origin` on writes, `Sec-Fetch-Site:
 * same-origin` — keeps the cookies the proxy sets (`Browser` from the proxy tests), and shows the ones
 * without `HttpOnly` to the page's scripts in `document.cookie`, as a browser does. Everything the page sent
 * is recorded, to check that no token ever left or reached it.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createCustomerClient, type CustomerClient, type CustomerClientOptions } from '../../src/api';
import { createCustomerProxy, type CustomerProxy } from '../../src/server';
import { createEmporixSimulator, type EmporixSimulator, type EmporixSimulatorOptions } from '../../src/testing';
import { server, uniqueTenant } from '../harness';
import { Browser } from '../server/support';

export const PROXY_PATH = '/api/emporix';

/** One request the page sent to the proxy. */
export interface PageRequest {
  method: string;
  url: URL;
  headers: Headers;
  /** The proxy's answer: status and headers (`Set-Cookie` left out). */
  answer?: { status: number; headers: Headers };
}

export interface ProxyPage {
  sim(): EmporixSimulator;
  proxy(): CustomerProxy;
  /** The cookies this browser keeps (shared by all its tabs). */
  browser(): Browser;
  /** The `fetch` of this browser's pages: into the proxy, with its cookies. */
  fetch: typeof globalThis.fetch;
  /** A browser client in proxy mode on this page (a tab); disposed after the test. */
  client(overrides?: Partial<CustomerClientOptions>): CustomerClient;
  /** Every request the pages sent, oldest first. */
  requests(): PageRequest[];
  /** Every token value the proxy ever put in a cookie (all of them HttpOnly). */
  tokens(): string[];
}

export function setupProxyPage(options: { simulator?: EmporixSimulatorOptions } = {}): ProxyPage {
  let simulator: EmporixSimulator | undefined;
  let proxy: CustomerProxy | undefined;
  let browser: Browser | undefined;
  let requests: PageRequest[] = [];
  const clients: CustomerClient[] = [];

  const pageFetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), window.location.href);
    const method = init?.method ?? 'GET';
    const headers = new Headers(init?.headers);
    const cookie = browser!.cookieHeader(url.pathname);
    if (cookie) headers.set('cookie', cookie);
    if (method !== 'GET') headers.set('origin', window.location.origin);
    headers.set('sec-fetch-site', 'same-origin');
    const sent: PageRequest = { method, url, headers };
    requests.push(sent);
    const body = init?.body ?? undefined;
    const request = new Request(url, { method, headers, body, signal: init?.signal ?? null });
    const response = await proxy!.handle(request);
    sent.answer = { status: response.status, headers: new Headers(response.headers) };
    const answer = await browser!.receive(response.clone());
    for (const set of answer.setCookies) if (!set.httpOnly) document.cookie = set.raw;
    return response;
  };

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    simulator = createEmporixSimulator({ tenant: uniqueTenant('pm'), ...options.simulator });
    server.use(...simulator.handlers);
    proxy = createCustomerProxy({ tenant: simulator.tenant, clientId: simulator.clientId, baseUrl: simulator.baseUrl });
    browser = new Browser(proxy, window.location.origin);
    requests = [];
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.dispose();
    server.resetHandlers();
    clearDocumentCookies();
  });
  afterAll(() => server.close());

  const must = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The ${what} exists only inside a test.`);
    return value;
  };

  return {
    sim: () => must(simulator, 'simulator'),
    proxy: () => must(proxy, 'proxy'),
    browser: () => must(browser, 'browser'),
    fetch: pageFetch,
    client(overrides = {}) {
      const client = createCustomerClient({
        tenant: must(simulator, 'simulator').tenant,
        clientId: simulator!.clientId,
        proxy: PROXY_PATH,
        fetch: pageFetch,
        retry: { retries: 0, delay: () => 0 },
        ...overrides,
      });
      clients.push(client);
      return client;
    },
    requests: () => requests,
    tokens() {
      const values = must(browser, 'browser').everSet.filter((cookie) => cookie.httpOnly).map((cookie) => cookie.value);
      // The customer refresh cookie holds `{expiry}~{token}`: the token is the part after the `~`.
      return [...new Set(values.map((value) => value.replace(/^\d*~/, '')))].filter((value) => value.length >= 8);
    },
  };
}

function clearDocumentCookies(): void {
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; Path=/; Max-Age=0`;
  }
}

/** Everything a script on the page can read: `document.cookie`, `localStorage`, `sessionStorage`. */
export function readableByScripts(): string {
  const dump = (storage: Storage) =>
    Array.from({ length: storage.length }, (_, index) => {
      const key = storage.key(index)!;
      return `${key}=${storage.getItem(key)}`;
    }).join('\n');
  return [document.cookie, dump(localStorage), dump(sessionStorage)].join('\n');
}
