/**
 * What the browser side and the proxy agree on, besides the API's own paths (`src/api/operations.ts`) and
 * the cookie names (`cookie-names.ts`). Import-free, so the browser client can use it without the proxy.
 */

/**
 * The header every request to the proxy must carry (value `1`). A page of another site cannot add it
 * without the browser first asking the proxy's permission (a CORS preflight), which the proxy never gives;
 * an HTML form cannot add it at all.
 */
export const PROXY_HEADER = 'x-emporix-proxy';

/**
 * Set on an answer when the proxy had to obtain or renew the anonymous token itself: the session id that
 * token belongs to (a new one when the old session could not be renewed).
 */
export const SESSION_ID_HEADER = 'x-emporix-session-id';

/**
 * Fields a token answer keeps on its way to the browser: lifetimes, session id, scope, flags. Every token
 * goes into a cookie instead; `customerId` and `loginId` are added for customer sessions.
 */
export const PUBLIC_TOKEN_FIELDS: readonly string[] = [
  'token_type',
  'expires_in',
  'expiresIn',
  'refresh_token_expires_in',
  'refreshTokenExpiresIn',
  'session_id',
  'sessionId',
  'session_idle_time',
  'scope',
  'initialPassword',
];
