/**
 * Which cookies the proxy keeps, what each is called and which attributes it carries. Kept apart from the
 * proxy so that the browser client can find the login id cookie by the same rule.
 *
 * Two paths: the refresh tokens (the long-lived secrets) only ever travel to the proxy (`Path={basePath}`);
 * the access tokens, the SaaS token, the login id and the legal entity go with every page request (`Path=/`
 * by default), so that server rendering can act for the customer and key its data as the browser does
 * (login id and legal entity), and the browser can read the login id. A cookie that is `Secure`, has no `Domain` and `Path=/` is named with the `__Host-` prefix (no
 * subdomain or plain-HTTP page can then plant or overwrite it); other `Secure` cookies with `__Secure-`.
 */

export type CookieKind =
  | 'anonymous'
  | 'anonymousRefresh'
  | 'customer'
  | 'customerRefresh'
  | 'saas'
  | 'loginId'
  | 'legalEntity';

export const COOKIE_KINDS: readonly CookieKind[] = [
  'anonymous',
  'anonymousRefresh',
  'customer',
  'customerRefresh',
  'saas',
  'loginId',
  'legalEntity',
];

const SUFFIX: Record<CookieKind, string> = {
  anonymous: 'anon',
  anonymousRefresh: 'anon-refresh',
  customer: 'customer',
  customerRefresh: 'customer-refresh',
  saas: 'saas',
  loginId: 'login',
  legalEntity: 'legal-entity',
};

/** Cookies only the proxy reads. */
const PROXY_ONLY: ReadonlySet<CookieKind> = new Set(['anonymousRefresh', 'customerRefresh']);

/**
 * A cookie's name before its security prefix: `{prefix}-{tenant}-{kind}`. With `Secure` it gets `__Host-`
 * (no `Domain`, `Path=/`) or `__Secure-` in front.
 */
export function cookieBaseName(kind: CookieKind, prefix: string, tenant: string): string {
  return `${prefix}-${tenant}-${SUFFIX[kind]}`;
}

export interface CookieSettings {
  prefix: string;
  tenant: string;
  /** Whether this request's cookies are `Secure`. */
  secure: boolean;
  sameSite: 'Strict' | 'Lax' | 'None';
  domain: string | undefined;
  /** Path of the cookies pages see. */
  pagePath: string;
  /** Path of the proxy. */
  proxyPath: string;
}

export interface CookieAttributes {
  name: string;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: 'Strict' | 'Lax' | 'None';
  domain: string | undefined;
}

export function cookieAttributes(kind: CookieKind, settings: CookieSettings): CookieAttributes {
  const path = PROXY_ONLY.has(kind) ? settings.proxyPath : settings.pagePath;
  const { secure, domain } = settings;
  const securityPrefix = !secure ? '' : domain === undefined && path === '/' ? '__Host-' : '__Secure-';
  return {
    name: `${securityPrefix}${cookieBaseName(kind, settings.prefix, settings.tenant)}`,
    path,
    secure,
    // The login id is the one cookie the browser's script reads; it grants nothing.
    httpOnly: kind !== 'loginId',
    sameSite: settings.sameSite,
    domain,
  };
}

/**
 * Whether a request comes to a development server on this machine over plain HTTP, the one case in which
 * cookies go without `Secure` unless configured otherwise.
 */
export function isLocalHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}
