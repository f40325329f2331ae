/**
 * Proxy mode at start-up: the session lives in the proxy's cookies, and what the page stores is only what the
 * proxy told it. The one cookie a script may read is the login id's; when it names a login this page has not
 * stored (a login through another page or the server, storage cleared, a new tab with per-tab persistence),
 * the page takes that login up: it stores handles that are due at once, so that the first need (or the
 * background timer) renews through the proxy and learns the real lifetimes. Without a readable login id
 * cookie (a proxy whose cookies stay on its own path) nothing changes here: a request for a session that is
 * over is refused by the proxy and ends it as any refused renewal does.
 */
import { cookieBaseName } from '../server/cookie-names';
import type { PersistenceAdapter } from './persistence';
import { adoptedTokens } from './proxy-transport';
import type { SessionState } from './session-view';
import { readSession, writeSession } from './stored-session';

const LOGIN_ID = /^[0-9a-f]{32}$/;

/**
 * The login id in the proxy's readable cookie, as this page sees it; `undefined` outside a page or without one.
 * On https only the `__Host-` / `__Secure-` names count: a plain one could have been planted by a subdomain.
 */
export function readLoginCookie(tenant: string, cookiePrefix: string): string | undefined {
  const page = globalThis.document as Document | undefined;
  if (!page) return undefined;
  let cookies: string;
  try {
    cookies = page.cookie;
  } catch {
    return undefined;
  }
  const base = cookieBaseName('loginId', cookiePrefix, tenant);
  const secure = globalThis.location?.protocol === 'https:';
  const names = new Set([`__Host-${base}`, `__Secure-${base}`, ...(secure ? [] : [base])]);
  for (const pair of cookies.split(';')) {
    const index = pair.indexOf('=');
    if (index < 0 || !names.has(pair.slice(0, index).trim())) continue;
    const value = pair.slice(index + 1).trim();
    if (LOGIN_ID.test(value)) return value;
  }
  return undefined;
}

/**
 * Takes up the login `loginId` unless it is the one stored. What the server rendered the page with
 * (`initial`) fills in the customer id and legal entity when it is the same login.
 */
export function adoptProxyLogin(
  adapter: PersistenceAdapter,
  key: string,
  loginId: string | undefined,
  initial: SessionState | undefined,
  now: number,
): void {
  if (loginId === undefined) return;
  const stored = readSession(adapter, key);
  if (stored.customer?.loginId === loginId) return;
  const known = initial?.loginId === loginId ? initial : undefined;
  writeSession(adapter, key, {
    anonymous: stored.anonymous ?? adoptedTokens(now),
    customer: {
      ...adoptedTokens(now),
      loginId,
      customerId: known?.customerId,
      legalEntityId: known?.legalEntityId,
      sessionId: known?.sessionId,
    },
  });
}
