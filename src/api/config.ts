/**
 * The options of `createCustomerClient`, and the check they pass before anything else happens: a setting
 * that cannot work (an `undefined` read from the environment, `NaN` from `Number(...)`, a relative or
 * plain-http URL) fails at once with an `invalid_config` error naming the option, instead of showing up
 * later as renewals in a loop or tokens sent in clear text.
 */
import { invalidConfigError } from './errors';
import { TENANT_PATTERN } from './operations';
import type { ParseIssueListener } from './parse';
import type { Persistence } from './persistence';
import type { RefreshLock } from './refresh-lock';
import type { SessionContext, SessionState } from './session';
import type { TabChannelFactory } from './tab-sync';
import type { RetryPolicy } from './transport';

/**
 * Settings of `createCustomerClient`. Only `tenant` and `clientId` are required; the rest have defaults that suit a
 * storefront in the browser.
 */
export interface CustomerClientOptions {
  /** Your Emporix tenant, lowercase (3–16 characters, letters and digits, starting with a letter). */
  tenant: string;
  /** The storefront API key (client id) of the tenant. */
  clientId: string;
  /** API address (https; http only on localhost); defaults to the production API. */
  baseUrl?: string;
  /** A `fetch` of your own (e.g. instrumented); defaults to the global one at call time. */
  fetch?: typeof globalThis.fetch;
  /** Where tokens are kept between page loads; `'local'` by default. */
  persistence?: Persistence;
  /** Currency, site, language and target location the anonymous session starts with. */
  sessionContext?: SessionContext;
  /** How long before expiry a token is renewed, in seconds (0 to 86 400; default 90). */
  refreshMarginSeconds?: number;
  /** How reads (never writes or single-use links) are retried after transient failures; default 3 retries from 250 ms. */
  retry?: RetryPolicy;
  /**
   * Keeps token refreshes one at a time across tabs. Default: Web Locks where the browser has them, else a
   * lease in the persistence storage (see `createStorageRefreshLock`); a page-local queue for `'session'` and
   * `'memory'` persistence.
   */
  lock?: RefreshLock;
  /**
   * How tabs tell each other about new tokens, logins, logout, session expiry and legal-entity switches.
   * Default: in a page, a `BroadcastChannel` named after the client (tenant, client id and API address)
   * when the persistence is shared (`'local'` or an adapter); never on a server, where clients of different
   * visitors share a process. `false` turns it off.
   */
  tabSync?: false | TabChannelFactory;
  /**
   * Told about each field of a profile or an address the client left out because it did not fit its schema
   * (the rest of the record is kept), and each address left out of a profile or list for lacking its `id` or
   * `metadata.version`. A place to log what a tenant's data holds that the client cannot use; the issue names
   * the place, never the value. Default: nothing is told.
   *
   * @example
   * ```ts
   * createCustomerClient({ tenant, clientId, onParseIssue: (issue) => console.warn('Emporix answer', issue) });
   * ```
   */
  onParseIssue?: ParseIssueListener;
  /**
   * Proxy session mode: where the storefront mounted `createCustomerProxy(...).handle` on its own origin, e.g.
   * `'/api/emporix'` (the object form names a `cookies.prefix` given to the proxy). Every call then goes there,
   * the tokens stay in the proxy's HttpOnly cookies, and the persistence keeps only what the proxy's answers
   * tell: expiry times, session id, customer id, login id. Excludes `baseUrl`.
   */
  proxy?: string | ProxyModeOptions;
  /**
   * Proxy mode with server rendering: the session the server rendered the page for
   * (`proxy.client(request).session.getState()`, passed down from the server). Hooks render with it while the
   * page hydrates, so the first render in the browser matches the server's HTML and finds its prefetched data.
   */
  initialSession?: SessionState;
}

/** Proxy session mode, in full. */
export interface ProxyModeOptions {
  /** The path `createCustomerProxy`'s `handle` is mounted at (its `basePath`), e.g. `/api/emporix`. */
  path: string;
  /** The proxy's `cookies.prefix`, when it was given one (default `emporix`). */
  cookiePrefix?: string;
}

/** The production Emporix API address, used when `baseUrl` is not given. */
export const DEFAULT_BASE_URL = 'https://api.emporix.io';

/** The longest refresh margin accepted: a day. */
const MAX_REFRESH_MARGIN_SECONDS = 86_400;
const MAX_RETRIES = 10;

/** Visible ASCII: what can travel in a URL and a storage key as it is. */
const VISIBLE_ASCII = /^[\x21-\x7E]+$/;
const LOCAL_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$|\.localhost$/;

/** The options with their defaults, once every one of them was found usable. */
export interface ResolvedOptions extends Omit<CustomerClientOptions, 'proxy'> {
  baseUrl: string;
  proxy: Required<ProxyModeOptions> | undefined;
}

/** A same-origin path of one or more segments, no trailing slash (as the proxy's `basePath`). */
const PROXY_PATH = /^(\/[\w.~!$&'()*+,;=:@%-]+)+$/;
const COOKIE_PREFIX = /^[A-Za-z0-9][\w-]{0,31}$/;
const LOGIN_ID = /^[0-9a-f]{32}$/;

/** Throws an `invalid_config` `EmporixError` naming the first option that cannot work. */
export function resolveOptions(options: CustomerClientOptions): ResolvedOptions {
  if (!options || typeof options !== 'object') throw invalidConfigError('options', 'must be an object.');
  const { tenant, clientId } = options;
  if (typeof tenant !== 'string' || !TENANT_PATTERN.test(tenant)) {
    throw invalidConfigError(
      'tenant',
      `"${String(tenant)}" is not valid: use 3–16 lowercase letters and digits, starting with a letter.`,
    );
  }
  if (typeof clientId !== 'string' || !VISIBLE_ASCII.test(clientId)) {
    throw invalidConfigError('clientId', '(the storefront API key of the tenant) is required, without spaces.');
  }
  const proxy = resolveProxy(options);
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  checkSecureUrl('baseUrl', baseUrl);
  checkOptional(options);
  return { ...options, baseUrl, proxy };
}

function resolveProxy({ proxy, baseUrl, initialSession }: CustomerClientOptions): Required<ProxyModeOptions> | undefined {
  if (proxy === undefined) {
    if (initialSession !== undefined) throw invalidConfigError('initialSession', 'is for proxy mode (the proxy option).');
    return undefined;
  }
  const { path, cookiePrefix = 'emporix' } = typeof proxy === 'string' ? { path: proxy } : (proxy ?? ({} as ProxyModeOptions));
  if (typeof path !== 'string' || !PROXY_PATH.test(path)) {
    throw invalidConfigError('proxy', `must be the path the proxy is mounted at on this origin, such as /api/emporix (got ${String(path)}).`);
  }
  if (typeof cookiePrefix !== 'string' || !COOKIE_PREFIX.test(cookiePrefix)) {
    throw invalidConfigError('proxy.cookiePrefix', "must be the proxy's cookies.prefix: up to 32 letters, digits, - and _.");
  }
  if (baseUrl !== undefined) throw invalidConfigError('baseUrl', 'and proxy exclude each other: the proxy knows the API address.');
  if (initialSession !== undefined) checkInitialSession(initialSession);
  return { path, cookiePrefix };
}

function checkInitialSession(state: SessionState): void {
  const known = typeof state === 'object' && state !== null && (state.status === 'anonymous' || state.status === 'customer');
  if (!known) throw invalidConfigError('initialSession', "must be a session state ({ status: 'anonymous' | 'customer', … }).");
  if (state.status === 'customer' && !(typeof state.loginId === 'string' && LOGIN_ID.test(state.loginId))) {
    throw invalidConfigError('initialSession.loginId', 'must be the login id the proxy issued (32 hex digits).');
  }
}

/** An absolute URL, https — or http on this machine, where a local proxy or mock server may run. */
export function checkSecureUrl(option: string, value: unknown): URL {
  const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined;
  if (!url) throw invalidConfigError(option, 'must be an absolute URL (https://…).');
  const local = url.protocol === 'http:' && LOCAL_HOSTS.test(url.hostname);
  if (url.protocol !== 'https:' && !local) {
    throw invalidConfigError(option, 'must use https (plain http only on localhost).');
  }
  return url;
}

function checkOptional(options: CustomerClientOptions): void {
  const { fetch, persistence, sessionContext, refreshMarginSeconds, retry, lock, tabSync, onParseIssue } = options;
  if (fetch !== undefined && typeof fetch !== 'function') throw invalidConfigError('fetch', 'must be a function.');
  if (onParseIssue !== undefined && typeof onParseIssue !== 'function') {
    throw invalidConfigError('onParseIssue', 'must be a function.');
  }
  checkPersistence(persistence);
  if (sessionContext !== undefined) checkSessionContext(sessionContext);
  if (refreshMarginSeconds !== undefined) {
    checkRange('refreshMarginSeconds', refreshMarginSeconds, MAX_REFRESH_MARGIN_SECONDS, 'a number of seconds');
  }
  if (retry !== undefined) {
    if (typeof retry !== 'object' || typeof retry?.delay !== 'function') {
      throw invalidConfigError('retry', 'must be { retries, delay(attempt) }.');
    }
    checkRange('retry.retries', retry.retries, MAX_RETRIES, 'a whole number', true);
  }
  if (lock !== undefined && typeof lock?.run !== 'function') throw invalidConfigError('lock', 'must have a run(name, task) method.');
  if (tabSync !== undefined && tabSync !== false && typeof tabSync !== 'function') {
    throw invalidConfigError('tabSync', 'must be false or a function that opens a channel.');
  }
}

function checkRange(option: string, value: unknown, max: number, what: string, whole = false): void {
  const ok = typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= max;
  if (!ok || (whole && !Number.isInteger(value))) {
    throw invalidConfigError(option, `must be ${what} from 0 to ${max} (got ${String(value)}).`);
  }
}

const NAMED_PERSISTENCE: ReadonlySet<unknown> = new Set([undefined, 'local', 'session', 'memory']);

function checkPersistence(persistence: Persistence | undefined): void {
  if (NAMED_PERSISTENCE.has(persistence)) return;
  const adapter = persistence as unknown as Record<string, unknown> | null;
  const complete = typeof adapter === 'object' && adapter !== null && ['get', 'set', 'remove'].every((m) => typeof adapter[m] === 'function');
  if (!complete) {
    throw invalidConfigError('persistence', "must be 'local', 'session', 'memory' or an adapter { get, set, remove }.");
  }
}

const SESSION_CONTEXT_KEYS: ReadonlySet<string> = new Set(['currency', 'siteCode', 'language', 'targetLocation']);

function checkSessionContext(context: SessionContext): void {
  if (typeof context !== 'object' || context === null) throw invalidConfigError('sessionContext', 'must be an object.');
  for (const [name, value] of Object.entries(context)) {
    if (!SESSION_CONTEXT_KEYS.has(name)) {
      throw invalidConfigError(`sessionContext.${name}`, 'is not a setting: use currency, siteCode, language or targetLocation.');
    }
    if (value !== undefined && typeof value !== 'string') throw invalidConfigError(`sessionContext.${name}`, 'must be a string.');
  }
}
