/**
 * The session as cookies: token answers in, tokens out. Every token lives in an HttpOnly cookie whose
 * lifetime is the token's own (`expires_in`, `refresh_token_expires_in`, the SaaS token's `exp`); the login id
 * lives as long as the customer session can (the later of the access and the refresh token's expiry).
 */
import { randomHex } from '../api/random-hex';
import type { NormalizedToken } from '../api/schemas';
import type { CookieJar } from './cookie-jar';
import { COOKIE_KINDS, type CookieKind } from './cookie-names';
import { jwtClaims } from '../api/jwt';

const LOGIN_ID = /^[0-9a-f]{32}$/;

/** What a customer token answer tells the browser besides lifetimes. */
export interface CustomerIdentity {
  /** A random 128-bit hex id of this login, minted by the proxy; the browser scopes its cache by it. */
  loginId: string;
  customerId: string | undefined;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

export function storeAnonymous(jar: CookieJar, token: NormalizedToken): void {
  jar.set('anonymous', token.accessToken, token.expiresIn);
  // No refresh token in the answer: the one the browser has stays.
  if (token.refreshToken !== undefined) jar.set('anonymousRefresh', token.refreshToken, token.refreshTokenExpiresIn);
}

export function expireAnonymous(jar: CookieJar): void {
  jar.expire('anonymous');
  jar.expire('anonymousRefresh');
}

/**
 * The customer refresh token, and when it expires. The expiry rides in the same HttpOnly cookie
 * (`{epoch seconds}~{token}`), because a later refresh that brings no new refresh token must still know how
 * long the customer session (and so the login id) can last.
 */
export function readCustomerRefresh(jar: CookieJar): { token: string; expiresAt: number | undefined } | undefined {
  const value = jar.read('customerRefresh');
  const match = value === undefined ? null : /^(\d*)~(.+)$/s.exec(value);
  if (!match) return undefined;
  return { token: match[2] as string, expiresAt: match[1] ? Number(match[1]) : undefined };
}

/** A customer session starts (login, social login, token exchange, opt-in confirmation): a new login id. */
export function storeCustomerLogin(jar: CookieJar, token: NormalizedToken): CustomerIdentity {
  // Nothing of an earlier customer session carries over, whatever this answer leaves out.
  for (const kind of ['customerRefresh', 'saas', 'legalEntity'] as const) jar.expire(kind);
  return storeCustomer(jar, token, randomHex(16), undefined);
}

/**
 * A renewed customer token: the refresh token and the SaaS token stay unless the answer brings new ones
 * (refresh answers carry no SaaS token); the login id stays.
 */
export function storeCustomerRefresh(
  jar: CookieJar,
  token: NormalizedToken,
  legalEntityId: string | undefined,
): CustomerIdentity {
  const current = jar.read('loginId');
  const loginId = current !== undefined && LOGIN_ID.test(current) ? current : randomHex(16);
  if (legalEntityId === undefined) jar.expire('legalEntity');
  return storeCustomer(jar, token, loginId, legalEntityId);
}

function storeCustomer(
  jar: CookieJar,
  token: NormalizedToken,
  loginId: string,
  legalEntityId: string | undefined,
): CustomerIdentity {
  const now = nowSeconds();
  jar.set('customer', token.accessToken, token.expiresIn);
  let refreshExpiresAt = readCustomerRefresh(jar)?.expiresAt;
  if (token.refreshToken !== undefined) {
    const lifetime = token.refreshTokenExpiresIn;
    refreshExpiresAt = lifetime === undefined ? undefined : now + lifetime;
    jar.set('customerRefresh', `${refreshExpiresAt ?? ''}~${token.refreshToken}`, lifetime);
  }
  if (token.saasToken !== undefined) {
    const exp = jwtClaims(token.saasToken).exp;
    const lifetime = exp === undefined ? token.expiresIn : exp - now;
    if (lifetime > 0) jar.set('saas', token.saasToken, lifetime);
    else jar.expire('saas');
  }
  const refreshing = jar.read('customerRefresh') !== undefined;
  // With a refresh token of unknown lifetime the session lasts as long as the browser keeps that cookie.
  const sessionLifetime =
    refreshing && refreshExpiresAt === undefined
      ? undefined
      : Math.max(token.expiresIn, refreshing && refreshExpiresAt !== undefined ? refreshExpiresAt - now : 0);
  jar.set('loginId', loginId, sessionLifetime);
  if (legalEntityId !== undefined) jar.set('legalEntity', legalEntityId, sessionLifetime);
  const saas = jar.read('saas');
  return { loginId, customerId: saas === undefined ? undefined : jwtClaims(saas).sub };
}

export function expireCustomer(jar: CookieJar): void {
  for (const kind of ['customer', 'customerRefresh', 'saas', 'loginId', 'legalEntity'] as const) jar.expire(kind);
}

export function expireAll(jar: CookieJar): void {
  for (const kind of COOKIE_KINDS) jar.expire(kind satisfies CookieKind);
}

/** Every token value the cookies hold now, to keep out of anything the proxy answers. */
export function cookieSecrets(jar: CookieJar): string[] {
  const values = [
    jar.read('anonymous'),
    jar.read('anonymousRefresh'),
    jar.read('customer'),
    readCustomerRefresh(jar)?.token,
    jar.read('saas'),
  ];
  return values.filter((value): value is string => value !== undefined);
}
