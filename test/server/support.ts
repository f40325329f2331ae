/**
 * Wiring for the proxy tests: the shared MSW server with a fresh simulator per test (on a tenant of its
 * own), a proxy in front of it, a record of every call the proxy made to the API, and `Browser`: a small
 * cookie-keeping client that sends plain `Request`s to `proxy.handle` the way a browser would — it keeps
 * cookies by name and path, sends them only where their path and `Secure` allow, drops expired ones, and
 * refuses what browsers refuse (`__Host-` / `__Secure-` cookies that break their prefix's rules).
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createCustomerProxy, PROXY_HEADER, type CustomerProxy, type CustomerProxyOptions } from '../../src/server';
import { createEmporixSimulator, type EmporixSimulator, type EmporixSimulatorOptions } from '../../src/testing';
import { server, uniqueTenant } from '../harness';

export { server };

export const SHOP = 'https://shop.example';
export const BASE_PATH = '/api/emporix';

/** One call the proxy made to the API. */
export interface UpstreamEntry {
  method: string;
  url: URL;
  headers: Headers;
}

export interface ProxySetup {
  sim(): EmporixSimulator;
  proxy(): CustomerProxy;
  /** Another proxy on this test's simulator, e.g. with other options. */
  createProxy(overrides?: Partial<CustomerProxyOptions>): CustomerProxy;
  /** A new browser (no cookies) on `origin`, talking to this test's proxy unless another is given. */
  browser(origin?: string, proxy?: CustomerProxy): Browser;
  /** Every call any proxy of this test made to the API, oldest first. */
  upstream(): UpstreamEntry[];
  /** `/customer/{tenant}` + path, for this test's tenant. */
  tenantPath(path: string): string;
}

export function setupProxy(
  options: { simulator?: EmporixSimulatorOptions; proxy?: Partial<CustomerProxyOptions> } = {},
): ProxySetup {
  let simulator: EmporixSimulator | undefined;
  let proxy: CustomerProxy | undefined;
  let upstream: UpstreamEntry[] = [];

  const recordingFetch: typeof fetch = (input, init) => {
    upstream.push({ method: init?.method ?? 'GET', url: new URL(String(input)), headers: new Headers(init?.headers) });
    return fetch(input, init);
  };
  const sim = () => {
    if (!simulator) throw new Error('The simulator exists only inside a test.');
    return simulator;
  };
  const createProxy = (overrides: Partial<CustomerProxyOptions> = {}) =>
    createCustomerProxy({
      tenant: sim().tenant,
      clientId: sim().clientId,
      baseUrl: sim().baseUrl,
      fetch: recordingFetch,
      ...options.proxy,
      ...overrides,
    });

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    simulator = createEmporixSimulator({ tenant: uniqueTenant('p'), ...options.simulator });
    server.use(...simulator.handlers);
    proxy = createProxy();
  });
  afterEach(() => {
    server.resetHandlers();
    upstream = [];
  });
  afterAll(() => server.close());

  return {
    sim,
    proxy: () => {
      if (!proxy) throw new Error('The proxy exists only inside a test.');
      return proxy;
    },
    createProxy,
    browser: (origin = SHOP, other) => new Browser(other ?? proxy!, origin),
    upstream: () => upstream,
    tenantPath: (path) => `/customer/${sim().tenant}${path}`,
  };
}

/** A `Set-Cookie` header, read the way a browser reads it. */
export interface SetCookie {
  name: string;
  value: string;
  path: string | undefined;
  domain: string | undefined;
  maxAge: number | undefined;
  expires: string | undefined;
  secure: boolean;
  httpOnly: boolean;
  sameSite: string | undefined;
  raw: string;
}

export function parseSetCookie(raw: string): SetCookie {
  const [pair = '', ...attributes] = raw.split(';').map((part) => part.trim());
  const index = pair.indexOf('=');
  const cookie: SetCookie = {
    name: pair.slice(0, index),
    value: decodeURIComponent(pair.slice(index + 1)),
    path: undefined,
    domain: undefined,
    maxAge: undefined,
    expires: undefined,
    secure: false,
    httpOnly: false,
    sameSite: undefined,
    raw,
  };
  for (const attribute of attributes) {
    const [key = '', ...rest] = attribute.split('=');
    const value = rest.join('=');
    switch (key.toLowerCase()) {
      case 'path':
        cookie.path = value;
        break;
      case 'domain':
        cookie.domain = value;
        break;
      case 'max-age':
        cookie.maxAge = Number(value);
        break;
      case 'expires':
        cookie.expires = value;
        break;
      case 'secure':
        cookie.secure = true;
        break;
      case 'httponly':
        cookie.httpOnly = true;
        break;
      case 'samesite':
        cookie.sameSite = value;
        break;
    }
  }
  return cookie;
}

/** What one call through the proxy answered. */
export interface ProxyAnswer {
  status: number;
  text: string;
  /** The parsed body; `undefined` when empty. */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test assertions read any shape
  headers: Headers;
  setCookies: SetCookie[];
}

export interface SendOptions {
  query?: Record<string, string>;
  body?: unknown;
  /** Headers to add or (with `null`) to leave out; the defaults are the proxy header and JSON content type. */
  headers?: Record<string, string | null>;
  /** A raw body instead of JSON. */
  rawBody?: BodyInit;
  /** Another proxy instance to send it to (with this browser's cookies). */
  via?: CustomerProxy;
}

export class Browser {
  /** Cookies by `name;path`. */
  readonly cookies = new Map<string, SetCookie>();
  /** Set-Cookie headers the browser refused (broken prefix rules, `Secure` over plain HTTP). */
  readonly refused: SetCookie[] = [];
  /** Every cookie the proxy ever set (not expired), as it was set. */
  readonly everSet: SetCookie[] = [];

  constructor(
    readonly proxy: CustomerProxy,
    readonly origin: string,
  ) {}

  private get secureContext(): boolean {
    const url = new URL(this.origin);
    return url.protocol === 'https:' || ['localhost', '127.0.0.1'].includes(url.hostname);
  }

  /** The `Cookie` header this browser sends to `path`. */
  cookieHeader(path: string): string {
    return [...this.cookies.values()]
      .filter((cookie) => pathMatches(cookie.path ?? '/', path) && (!cookie.secure || this.secureContext))
      .sort((a, b) => (b.path ?? '/').length - (a.path ?? '/').length)
      .map((cookie) => `${cookie.name}=${encodeURIComponent(cookie.value)}`)
      .join('; ');
  }

  /** What `document.cookie` shows on a page at `pagePath`: cookies without HttpOnly. */
  scriptCookies(pagePath = '/'): SetCookie[] {
    return [...this.cookies.values()].filter((cookie) => !cookie.httpOnly && pathMatches(cookie.path ?? '/', pagePath));
  }

  cookie(suffix: string): SetCookie | undefined {
    return [...this.cookies.values()].find((cookie) => cookie.name.endsWith(`-${suffix}`));
  }

  /** Forgets a cookie, as a browser does when its Max-Age runs out. */
  lapse(suffix: string): void {
    for (const [key, cookie] of this.cookies) if (cookie.name.endsWith(`-${suffix}`)) this.cookies.delete(key);
  }

  request(method: string, apiPath: string, options: SendOptions = {}): Request {
    const url = new URL(`${BASE_PATH}${apiPath}`, this.origin);
    for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.append(name, value);
    const headers = new Headers();
    const defaults: Record<string, string | null> = {
      [PROXY_HEADER]: '1',
      'content-type': options.body === undefined ? null : 'application/json',
    };
    if (method !== 'GET') defaults.origin = this.origin;
    const cookie = this.cookieHeader(url.pathname);
    if (cookie) defaults.cookie = cookie;
    for (const [name, value] of Object.entries({ ...defaults, ...options.headers })) {
      if (value !== null) headers.set(name, value);
    }
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    return new Request(url, { method, headers, ...(body === undefined ? {} : { body, duplex: 'half' }) } as RequestInit);
  }

  async send(method: string, apiPath: string, options: SendOptions = {}): Promise<ProxyAnswer> {
    return this.receive(await (options.via ?? this.proxy).handle(this.request(method, apiPath, options)));
  }

  async receive(response: Response): Promise<ProxyAnswer> {
    const setCookies = response.headers.getSetCookie().map(parseSetCookie);
    for (const cookie of setCookies) this.store(cookie);
    const text = await response.text();
    return { status: response.status, text, json: text ? JSON.parse(text) : undefined, headers: response.headers, setCookies };
  }

  private store(cookie: SetCookie): void {
    const brokenHost =
      cookie.name.startsWith('__Host-') && (!cookie.secure || cookie.path !== '/' || cookie.domain !== undefined);
    const brokenSecure = cookie.name.startsWith('__Secure-') && !cookie.secure;
    if (brokenHost || brokenSecure || (cookie.secure && !this.secureContext)) {
      this.refused.push(cookie);
      return;
    }
    const key = `${cookie.name};${cookie.path ?? '/'}`;
    if (cookie.maxAge !== undefined && cookie.maxAge <= 0) {
      this.cookies.delete(key);
      return;
    }
    this.cookies.set(key, cookie);
    this.everSet.push(cookie);
  }
}

function pathMatches(cookiePath: string, requestPath: string): boolean {
  if (requestPath === cookiePath) return true;
  return requestPath.startsWith(cookiePath.endsWith('/') ? cookiePath : `${cookiePath}/`);
}

/** The simulator's default shopper. */
export { simulatorDefaults } from '../../src/testing';
