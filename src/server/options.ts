/**
 * The proxy's settings: what a storefront passes to `createCustomerProxy`, checked once (a bad setting is an
 * `invalid_config` error naming the option) and resolved to the values every request then uses.
 */
import { DEFAULT_BASE_URL } from '../api/config';
import { EmporixError } from '../api/errors';
import { TENANT_PATTERN } from '../api/operations';

/** How the proxy names and scopes its cookies (`cookies` of `createCustomerProxy`). */
export interface CustomerProxyCookieOptions {
  /** First part of every cookie name, before the tenant: `{prefix}-{tenant}-…`. Default `emporix`. */
  prefix?: string;
  /**
   * `Secure` on every cookie. Default: on, except for requests to `http://localhost` and `http://127.0.0.1`
   * (local development without TLS). `false` turns it off everywhere (plain-HTTP test hosts only).
   */
  secure?: boolean;
  /** Default `lax`. `none` always comes with `Secure`. */
  sameSite?: 'strict' | 'lax' | 'none';
  /** A `Domain` attribute (shares the cookies with subdomains; rules out the `__Host-` prefix). Default: none. */
  domain?: string;
  /**
   * Path of the cookies pages may need: the access tokens, the SaaS token and the login id. Default `/`, so
   * server rendering sees them and they get the `__Host-` prefix. Refresh tokens always stay on `basePath`.
   */
  path?: string;
}

/** Currency, site, language and target location an anonymous session the proxy starts itself opens with. */
export interface ProxySessionContext {
  /** Currency code, e.g. `EUR`. */
  currency?: string;
  /** The site of the tenant, e.g. `main`. */
  siteCode?: string;
  /** Language, e.g. `de`. */
  language?: string;
  /** Country the shopper buys for, e.g. `DE`. */
  targetLocation?: string;
}

/** The settings of `createCustomerProxy`: the tenant and API key, where it is mounted, its cookies and origins. */
export interface CustomerProxyOptions {
  /** Your Emporix tenant, lowercase (3–16 characters, letters and digits, starting with a letter). */
  tenant: string;
  /** The storefront API key (client id) of the tenant. */
  clientId: string;
  /** API origin; defaults to the production API. */
  baseUrl?: string;
  /** Where the proxy is mounted in your app, e.g. `/api/emporix` (the default). */
  basePath?: string;
  /** Names, `Secure`, `SameSite`, `Domain` and page path of the session's cookies (see `CustomerProxyCookieOptions`). */
  cookies?: CustomerProxyCookieOptions;
  /** Origins whose pages may call the proxy. Default: the origin of the request URL only. */
  allowedOrigins?: readonly string[];
  /** A `fetch` of your own for the calls to the API; defaults to the global one at call time. */
  fetch?: typeof globalThis.fetch;
  /** Context for anonymous sessions the proxy has to start itself (a browser's own anonymous login brings its own). */
  sessionContext?: ProxySessionContext;
  /** How long a call to the API may take before the proxy answers 504, in milliseconds. Default 15 000. */
  timeoutMs?: number;
}

export interface ProxyConfig {
  tenant: string;
  clientId: string;
  apiRoot: URL;
  basePath: string;
  cookies: {
    prefix: string;
    secure: boolean | undefined;
    sameSite: 'Strict' | 'Lax' | 'None';
    domain: string | undefined;
    path: string;
  };
  /** `undefined`: the request's own origin only. */
  allowedOrigins: ReadonlySet<string> | undefined;
  fetch: typeof globalThis.fetch;
  sessionContext: ProxySessionContext;
  timeoutMs: number;
}

/** Where the proxy is mounted unless `basePath` says otherwise; the browser client's `proxy` option names the same path. */
export const DEFAULT_PROXY_BASE_PATH = '/api/emporix';
const DEFAULT_TIMEOUT_MS = 15_000;

/** One or more path segments of URL-safe characters, no trailing slash. */
const BASE_PATH = /^(\/[\w.~!$&'()*+,;=:@%-]+)+$/;
const COOKIE_PATH = /^\/[\w.~!$&'()*+,=:@%/-]*$/;
const COOKIE_PREFIX = /^[A-Za-z0-9][\w-]{0,31}$/;
const COOKIE_DOMAIN = /^\.?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;
const SAME_SITE = { strict: 'Strict', lax: 'Lax', none: 'None' } as const;

function invalid(option: string, message: string): EmporixError {
  return new EmporixError({ status: 0, type: 'invalid_config', message: `${option}: ${message}` });
}

export function resolveOptions(options: CustomerProxyOptions): ProxyConfig {
  const { tenant, clientId } = options;
  if (typeof tenant !== 'string' || !TENANT_PATTERN.test(tenant)) {
    throw invalid('tenant', 'use 3–16 lowercase letters and digits, starting with a letter.');
  }
  if (typeof clientId !== 'string' || clientId.trim() === '') {
    throw invalid('clientId', 'the storefront API key of the tenant is required.');
  }
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) {
    throw invalid('baseUrl', 'must be an absolute http(s) URL such as https://api.emporix.io.');
  }
  const basePath = options.basePath ?? DEFAULT_PROXY_BASE_PATH;
  if (!BASE_PATH.test(basePath)) throw invalid('basePath', 'must look like /api/emporix (no trailing slash).');
  const cookies = options.cookies ?? {};
  const prefix = cookies.prefix ?? 'emporix';
  if (!COOKIE_PREFIX.test(prefix)) throw invalid('cookies.prefix', 'use up to 32 letters, digits, - and _.');
  const path = cookies.path ?? '/';
  if (!COOKIE_PATH.test(path)) throw invalid('cookies.path', 'must be a path starting with /.');
  if (cookies.domain !== undefined && !COOKIE_DOMAIN.test(cookies.domain)) {
    throw invalid('cookies.domain', 'must be a host name such as shop.example.com.');
  }
  const sameSite = SAME_SITE[cookies.sameSite ?? 'lax'];
  if (sameSite === undefined) throw invalid('cookies.sameSite', "use 'strict', 'lax' or 'none'.");
  if (sameSite === 'None' && cookies.secure === false) {
    throw invalid('cookies.secure', "browsers drop SameSite=None cookies without Secure.");
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw invalid('timeoutMs', 'must be a positive number.');
  return {
    tenant,
    clientId,
    apiRoot: new URL(baseUrl),
    basePath,
    cookies: { prefix, secure: cookies.secure, sameSite, domain: cookies.domain, path },
    allowedOrigins: options.allowedOrigins === undefined ? undefined : new Set(options.allowedOrigins.map(toOrigin)),
    // Looked up on every call, so test tools that patch fetch after the proxy was created still apply.
    fetch: (...args) => (options.fetch ?? globalThis.fetch)(...args),
    sessionContext: { ...options.sessionContext },
    timeoutMs,
  };
}

function toOrigin(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || !/^https?:$/.test(url.protocol) || url.origin !== value.replace(/\/$/, '')) {
    throw invalid('allowedOrigins', `"${value}" is not an origin such as https://shop.example.com.`);
  }
  return url.origin;
}
