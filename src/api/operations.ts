/**
 * The operation table of the client: for each operation of the Customer Service, where it is sent, which
 * token it needs, what a 401 means for it, and whether it may be sent twice. The rules follow what each
 * operation does, not its HTTP method:
 *
 * - `on401`: `'renew'` — the token is the only credential sent, so a 401 means the token was stale: renew it
 *   and replay once. `'renewOnTokenFault'` — the request also carries credentials (a password, a mailed token,
 *   an external token) that a 401 may be refusing: replay only when the gateway's code says the access token
 *   was at fault. `'never'` — a social login's code goes to the identity provider once.
 * - `repeatable`: reads, retried after transient failures. Writes are not, and neither are reads that spend a
 *   single-use token (the opt-in link): when one of them fails on the way its outcome is unknown, and the error
 *   says so (`outcomeUnknown`) instead of a repeat turning success into "link already used".
 */
import type { HttpMethod } from './transport';

/** Which token an operation is sent with; `'either'`: the customer's when one is logged in, else the anonymous one. */
export type Auth = 'none' | 'anonymous' | 'customer' | 'either';
export type On401 = 'renew' | 'renewOnTokenFault' | 'never';

export interface OperationSpec {
  method: HttpMethod;
  /** Below `/customer/{tenant}`; `{id}` and `{token}` are filled with encoded path segments. */
  path: string;
  auth: Auth;
  on401: On401;
  repeatable: boolean;
}

const read = (path: string, auth: Auth): OperationSpec => ({ method: 'GET', path, auth, on401: 'renew', repeatable: true });
const write = (method: HttpMethod, path: string, auth: Auth, on401: On401 = 'renew'): OperationSpec => ({
  method,
  path,
  auth,
  on401,
  repeatable: false,
});

export const OPERATIONS = {
  signup: write('POST', '/signup', 'anonymous', 'renewOnTokenFault'),
  login: write('POST', '/login', 'anonymous', 'renewOnTokenFault'),
  logout: write('GET', '/logout', 'customer'),
  validateToken: read('/validateauthtoken', 'customer'),
  exchangeToken: write('POST', '/exchangeauthtoken', 'anonymous', 'renewOnTokenFault'),
  socialLogin: write('POST', '/socialLogin', 'anonymous', 'never'),
  confirmSignup: write('GET', '/signup/optin/{token}', 'anonymous', 'renewOnTokenFault'),
  resendActivation: write('POST', '/signup/optin/refresh_token', 'anonymous'),
  getCustomer: read('/me', 'either'),
  updateCustomer: write('PATCH', '/me', 'customer'),
  listAddresses: read('/me/addresses', 'customer'),
  getAddress: read('/me/addresses/{id}', 'customer'),
  createAddress: write('POST', '/me/addresses', 'customer'),
  updateAddress: write('PATCH', '/me/addresses/{id}', 'customer'),
  deleteAddress: write('DELETE', '/me/addresses/{id}', 'customer'),
  addAddressTags: write('POST', '/me/addresses/{id}/tags', 'customer'),
  removeAddressTags: write('DELETE', '/me/addresses/{id}/tags', 'customer'),
  changePassword: write('POST', '/password/change', 'customer', 'renewOnTokenFault'),
  requestPasswordReset: write('POST', '/password/reset', 'anonymous'),
  resetPassword: write('POST', '/password/reset/update', 'anonymous', 'renewOnTokenFault'),
  requestEmailChange: write('POST', '/me/accounts/internal/email/change', 'customer', 'renewOnTokenFault'),
  confirmEmailChange: write('POST', '/me/accounts/internal/email/change/confirm', 'anonymous', 'renewOnTokenFault'),
} satisfies Record<string, OperationSpec>;

export type OperationName = keyof typeof OPERATIONS;
