/**
 * The Customer Service (customer-managed) as one table: each of its 25 operations with its method, path,
 * the token it needs, the query parameters and headers a caller chooses, the values the session supplies,
 * what a successful answer does to the session, and what a 401 or a lost answer means for it. The browser
 * client and the server proxy (`emporix-customer-react/server`) read the same facts from here, without
 * pulling in each other's code.
 *
 * The retry and replay rules follow what each operation does, not its HTTP method:
 * - `on401`: `'renew'` — the token is the only credential sent, so a 401 means it was stale: renew it and
 *   replay once. `'renewOnTokenFault'` — the request also carries credentials (a password, a mailed token, an
 *   external token) that a 401 may be refusing: replay only when the gateway's code blames the access token.
 *   `'never'` — a social login's code is spent once.
 * - `repeatable`: reads, retried after transient failures. Writes are not, and neither are reads that spend a
 *   single-use token (the opt-in link, a rotating refresh token): when one of them fails on the way its outcome
 *   is unknown, and the error says so (`outcomeUnknown`) instead of a repeat turning success into "link used".
 */
import { EmporixError } from './errors';

export type OperationMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** The bearer an operation needs: none, an anonymous token, a customer token, or whichever the caller has. */
export type OperationAuth = 'none' | 'anonymous' | 'customer' | 'either';

/**
 * A query value the session supplies rather than the caller: the tenant and API key, and the tokens the
 * API insists on receiving in the URL.
 */
export type SessionValue = 'tenant' | 'clientId' | 'anonymousRefreshToken' | 'customerRefreshToken' | 'customerAccessToken';

/**
 * What a successful answer means for the session: a new anonymous token, a customer session that starts
 * (login, social login, token exchange, opt-in confirmation), a renewed customer token, or the end of it.
 */
export type SessionEffect = 'anonymousToken' | 'customerLogin' | 'customerRefresh' | 'logout';

/** What a 401 means for an operation (see the module comment). */
export type On401 = 'renew' | 'renewOnTokenFault' | 'never';

export interface OperationSpec {
  readonly method: OperationMethod;
  /** Path below the API root; `{name}` is a path parameter, `{tenant}` the tenant. */
  readonly path: string;
  readonly auth: OperationAuth;
  /** Query parameters the caller chooses. */
  readonly query: readonly string[];
  /** Query parameters the session fills in, by name. */
  readonly sessionQuery?: Readonly<Record<string, SessionValue>>;
  /** Request headers the caller may send, besides the bearer the session sets. */
  readonly headers?: readonly string[];
  /** Whether the request carries a JSON body. */
  readonly body: boolean;
  readonly effect?: SessionEffect;
  /** Whether a 401 renews the token and replays the request once. */
  readonly on401: On401;
  /** Whether the request may be sent again after a transient failure. */
  readonly repeatable: boolean;
}

/** What a tenant name looks like: lowercase, a letter first, 3–16 letters and digits. */
export const TENANT_PATTERN = /^[a-z][a-z0-9]{2,15}$/;

const TENANT = '/customer/{tenant}';
const ADDRESS = `${TENANT}/me/addresses/{addressId}`;

/** Every operation of the service, by the name the client gives it. */
export const OPERATIONS = {
  anonymousLogin: {
    method: 'GET',
    path: '/customerlogin/auth/anonymous/login',
    auth: 'none',
    query: ['currency', 'siteCode', 'language', 'targetLocation'],
    sessionQuery: { tenant: 'tenant', client_id: 'clientId' },
    body: false,
    on401: 'never',
    repeatable: true,
    effect: 'anonymousToken',
  },
  anonymousRefresh: {
    method: 'GET',
    path: '/customerlogin/auth/anonymous/refresh',
    auth: 'none',
    query: [],
    sessionQuery: { tenant: 'tenant', refresh_token: 'anonymousRefreshToken', client_id: 'clientId' },
    body: false,
    on401: 'never',
    repeatable: false,
    effect: 'anonymousToken',
  },
  signup: {
    method: 'POST',
    path: `${TENANT}/signup`,
    auth: 'anonymous',
    query: [],
    body: true,
    on401: 'renewOnTokenFault',
    repeatable: false,
  },
  login: {
    method: 'POST',
    path: `${TENANT}/login`,
    auth: 'anonymous',
    query: [],
    body: true,
    on401: 'renewOnTokenFault',
    repeatable: false,
    effect: 'customerLogin',
  },
  logout: {
    method: 'GET',
    path: `${TENANT}/logout`,
    auth: 'customer',
    query: [],
    sessionQuery: { accessToken: 'customerAccessToken' },
    body: false,
    on401: 'renew',
    repeatable: false,
    effect: 'logout',
  },
  // Authorised by the anonymous token (see the reference's security section and auth notes).
  refreshCustomerToken: {
    method: 'GET',
    path: `${TENANT}/refreshauthtoken`,
    auth: 'anonymous',
    query: ['legalEntityId'],
    sessionQuery: { refreshToken: 'customerRefreshToken' },
    body: false,
    on401: 'renewOnTokenFault',
    repeatable: false,
    effect: 'customerRefresh',
  },
  validateToken: {
    method: 'GET',
    path: `${TENANT}/validateauthtoken`,
    auth: 'customer',
    query: [],
    body: false,
    on401: 'renew',
    repeatable: true,
  },
  // The reference declares no security here, but the API wants an anonymous bearer.
  exchangeToken: {
    method: 'POST',
    path: `${TENANT}/exchangeauthtoken`,
    auth: 'anonymous',
    query: ['subjectAccessToken', 'config'],
    body: false,
    on401: 'renewOnTokenFault',
    repeatable: false,
    effect: 'customerLogin',
  },
  socialLogin: {
    method: 'POST',
    path: `${TENANT}/socialLogin`,
    auth: 'anonymous',
    query: ['code', 'redirect_uri', 'code_verifier'],
    headers: ['session-id'],
    body: false,
    on401: 'never',
    repeatable: false,
    effect: 'customerLogin',
  },
  confirmSignup: {
    method: 'GET',
    path: `${TENANT}/signup/optin/{token}`,
    auth: 'anonymous',
    query: [],
    body: false,
    on401: 'renewOnTokenFault',
    repeatable: false,
    effect: 'customerLogin',
  },
  resendActivation: {
    method: 'POST',
    path: `${TENANT}/signup/optin/refresh_token`,
    auth: 'anonymous',
    query: [],
    body: true,
    on401: 'renew',
    repeatable: false,
  },
  getCustomer: {
    method: 'GET',
    path: `${TENANT}/me`,
    auth: 'either',
    query: ['expand'],
    body: false,
    on401: 'renew',
    repeatable: true,
  },
  updateCustomer: {
    method: 'PATCH',
    path: `${TENANT}/me`,
    auth: 'customer',
    query: [],
    body: true,
    on401: 'renew',
    repeatable: false,
  },
  listAddresses: {
    method: 'GET',
    path: `${TENANT}/me/addresses`,
    auth: 'customer',
    query: [],
    body: false,
    on401: 'renew',
    repeatable: true,
  },
  getAddress: {
    method: 'GET',
    path: ADDRESS,
    auth: 'customer',
    query: [],
    body: false,
    on401: 'renew',
    repeatable: true,
  },
  createAddress: {
    method: 'POST',
    path: `${TENANT}/me/addresses`,
    auth: 'customer',
    query: [],
    body: true,
    on401: 'renew',
    repeatable: false,
  },
  updateAddress: {
    method: 'PATCH',
    path: ADDRESS,
    auth: 'customer',
    query: [],
    body: true,
    on401: 'renew',
    repeatable: false,
  },
  deleteAddress: {
    method: 'DELETE',
    path: ADDRESS,
    auth: 'customer',
    query: [],
    body: false,
    on401: 'renew',
    repeatable: false,
  },
  addAddressTags: {
    method: 'POST',
    path: `${ADDRESS}/tags`,
    auth: 'customer',
    query: ['tags'],
    body: false,
    on401: 'renew',
    repeatable: false,
  },
  removeAddressTags: {
    method: 'DELETE',
    path: `${ADDRESS}/tags`,
    auth: 'customer',
    query: ['tags'],
    body: false,
    on401: 'renew',
    repeatable: false,
  },
  changePassword: {
    method: 'POST',
    path: `${TENANT}/password/change`,
    auth: 'customer',
    query: [],
    body: true,
    on401: 'renewOnTokenFault',
    repeatable: false,
  },
  requestPasswordReset: {
    method: 'POST',
    path: `${TENANT}/password/reset`,
    auth: 'anonymous',
    query: [],
    body: true,
    on401: 'renew',
    repeatable: false,
  },
  resetPassword: {
    method: 'POST',
    path: `${TENANT}/password/reset/update`,
    auth: 'anonymous',
    query: [],
    body: true,
    on401: 'renewOnTokenFault',
    repeatable: false,
  },
  requestEmailChange: {
    method: 'POST',
    path: `${TENANT}/me/accounts/internal/email/change`,
    auth: 'customer',
    query: [],
    body: true,
    on401: 'renewOnTokenFault',
    repeatable: false,
  },
  // Confirmed by whoever opens the mailed link, logged in or not: anonymous, although under `/me`.
  confirmEmailChange: {
    method: 'POST',
    path: `${TENANT}/me/accounts/internal/email/change/confirm`,
    auth: 'anonymous',
    query: [],
    body: true,
    on401: 'renewOnTokenFault',
    repeatable: false,
  },
} as const satisfies Record<string, OperationSpec>;

export type OperationName = keyof typeof OPERATIONS;

export const OPERATION_NAMES = Object.keys(OPERATIONS) as OperationName[];

/** An operation a request addresses, with its path parameters decoded (`tenant` among them where the path has it). */
export interface OperationMatch {
  name: OperationName;
  spec: OperationSpec;
  params: Record<string, string>;
}

/**
 * Which operation a method and a path below the API root address. Path parameters must be one non-empty
 * segment that is not `.` or `..` once decoded; anything else matches nothing.
 */
export function matchOperation(method: string, path: string): OperationMatch | undefined {
  const segments = path.split('/');
  for (const name of OPERATION_NAMES) {
    const spec: OperationSpec = OPERATIONS[name];
    if (spec.method !== method.toUpperCase()) continue;
    const params = matchSegments(spec.path.split('/'), segments);
    if (params) return { name, spec, params };
  }
  return undefined;
}

function matchSegments(template: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
  if (template.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of template.entries()) {
    const segment = segments[index] as string;
    const param = /^\{(\w+)\}$/.exec(part)?.[1];
    if (param === undefined) {
      if (segment !== part) return undefined;
      continue;
    }
    const value = decodeSegment(segment);
    if (value === undefined) return undefined;
    params[param] = value;
  }
  return params;
}

function decodeSegment(segment: string): string | undefined {
  try {
    const value = decodeURIComponent(segment);
    return value === '' || value === '.' || value === '..' ? undefined : value;
  } catch {
    return undefined;
  }
}

/** The path of an operation with its parameters filled in, each encoded as one segment. */
export function operationPath(spec: OperationSpec, params: Readonly<Record<string, string>>): string {
  return spec.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) {
      throw new EmporixError({ status: 0, type: 'invalid_argument', message: `The path parameter "${name}" is missing.` });
    }
    return encodeURIComponent(value);
  });
}
