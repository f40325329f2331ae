/**
 * The one error type of the library. Everything that goes wrong between the app and the Emporix API
 * (a refused request, a network drop, a body that is not what the API promised, a bad setting) surfaces
 * as an `EmporixError`, so an app needs one `instanceof` check and one place to read a message from.
 */

/** One problem the API reported about a request, often naming the offending field. */
export interface EmporixErrorDetail {
  /** The request field at fault, as the API names it (e.g. `customerDetails.firstName`). */
  field?: string;
  /** The API's classification of this problem, lowercase with underscores (e.g. `missing_value`). */
  type?: string;
  /** The server's description of the problem, written for developers rather than shoppers. */
  message?: string;
}

/**
 * What kind of failure it was. API error types pass through as the server sent them
 * (e.g. `validation_failure`, `conflict_resource`); the client adds its own for failures the server
 * never saw or could not describe.
 */
export type EmporixErrorType =
  | 'network_error'
  | 'malformed_response'
  | 'unauthorized'
  | 'invalid_credentials'
  | 'not_logged_in'
  | 'session_expired'
  | 'login_required'
  | 'session_changed'
  | 'invalid_config'
  | 'invalid_argument'
  | 'invalid_state'
  | 'timeout'
  | 'social_login_failed'
  | (string & {});

/**
 * What `new EmporixError(…)` takes. The library builds its errors itself; apps need this only to make errors of their
 * own, e.g. in tests.
 */
export interface EmporixErrorInit {
  /** HTTP status; `0` when no response arrived. */
  status: number;
  /** The kind of failure (see `EmporixError.type`). */
  type: EmporixErrorType;
  /** What went wrong, for developers; never a token or a password. */
  message: string;
  /** The problems the API listed, usually one per field. */
  details?: readonly EmporixErrorDetail[];
  /** The gateway's error code of a 401. */
  code?: string;
  /** The client operation that failed, e.g. `login`. */
  operation?: string;
  /** The request URL; its token-bearing query values are redacted when the error is made. */
  url?: string;
  /** For writes that failed on the network: the server may or may not have applied them. */
  outcomeUnknown?: boolean;
  /** The underlying error, kept as the standard `cause`. */
  cause?: unknown;
}

/**
 * The error every operation, hook and component of the library rejects with. `status` and `type` say what
 * happened, `details` which fields the API objected to; no token, password or mailed code is ever inside,
 * and URLs are redacted. Use `isTransient` to decide whether trying again later may help.
 *
 * @example
 * ```ts
 * try {
 *   await client.login({ email, password });
 * } catch (error) {
 *   if (error instanceof EmporixError && error.type === 'invalid_credentials') showWrongPassword();
 * }
 * ```
 */
export class EmporixError extends Error {
  /** Always `'EmporixError'`. */
  override readonly name = 'EmporixError';
  /** HTTP status; `0` when no response arrived (network, configuration, client-side checks). */
  readonly status: number;
  /**
   * What kind of failure it was: decide on this, never on `message`. The values the client sets itself:
   *
   * - `network_error`: no response arrived (offline, DNS, a request blocked by CORS). Reads were retried with backoff
   *   first; a write reports `outcomeUnknown: true`. Forms show "We could not reach the server. Check your connection
   *   and try again."
   * - `timeout`: a token renewal held the refresh lock too long (10 seconds by default), or, in proxy mode, the proxy
   *   gave up waiting for the API. Trying again later may work (`isTransient`).
   * - `malformed_response`: the API answered with a body that is not JSON, or not the shape of the operation's answer
   *   (e.g. a token answer without a token). Forms show "Something went wrong. Please try again."
   * - `unauthorized`: a 401 whose body named no type, e.g. a token the gateway still refused after one renewal and
   *   replay; `code` holds the gateway's reason when it sent one.
   * - `invalid_credentials`: `login` was refused. The API may answer an account that is not activated yet the same
   *   way as a wrong email or password. The login form shows "The email or password is incorrect."
   * - `not_logged_in`: an operation that needs a logged-in customer was called while none is. Forms show "Your
   *   session has ended. Please log in again."
   * - `session_expired`: the customer session ended because its renewal was refused (or nothing could renew it); the
   *   session emits `sessionExpired`. Forms show the same session-ended message.
   * - `session_changed`: another customer logged in, or the session ended, while the request was under way; it was
   *   not sent, or its answer was dropped, so nothing reaches the wrong customer. Forms show the session-ended
   *   message.
   * - `invalid_config`: a setting cannot work (an option of `createCustomerClient`, or a browser feature social login
   *   needs); the message names it. A developer error: fix the setting.
   * - `invalid_argument`: a call got an argument it cannot send, e.g. an empty address id or mailed token.
   * - `invalid_state`: a step came out of order: a social-login callback this tab did not start or already completed,
   *   or sealed credentials sent a second time.
   * - `social_login_failed`: the identity provider did not sign the shopper in, or the callback could not be
   *   completed; the shopper should start the sign-in again.
   *
   * Any other value is the API's own `type`, passed through as sent — e.g. `validation_failure` (a 400 with `details`
   * per field, which forms put on the fields), `resource_not_found` (a 404, e.g. an address that no longer exists) or
   * `conflict_resource` (a 409, e.g. a sign-up with an email that already has an account). A refusal whose body names
   * no type is `http_<status>`, e.g. `http_503`. Forms show the server's message for these, except after a 5xx, where
   * they show the generic one.
   */
  readonly type: EmporixErrorType;
  /** The problems the API listed, usually one per field; empty when it listed none. */
  readonly details: readonly EmporixErrorDetail[];
  /** The gateway's error code on a 401, e.g. `keymanagement.service.access_token_expired`. */
  readonly code: string | undefined;
  /** The client operation that failed, e.g. `login`. */
  readonly operation: string | undefined;
  /** The request URL with every token-bearing query value redacted. */
  readonly url: string | undefined;
  /**
   * True when a request that is not safe to repeat (a write, or a single-use link) failed on the way — no answer, a
   * timeout, or a 500, 502 or 504 — so the server may or may not have carried it out. Check (e.g. reload) before
   * offering to send it again.
   */
  readonly outcomeUnknown: boolean;

  constructor(init: EmporixErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.type = init.type;
    this.details = init.details ?? [];
    this.code = init.code;
    this.operation = init.operation;
    this.url = init.url === undefined ? undefined : redactUrl(init.url);
    this.outcomeUnknown = init.outcomeUnknown ?? false;
  }

  /** Whether retrying the same request later may succeed (network trouble, timeouts, overload, gateway errors). */
  get isTransient(): boolean {
    return this.status === 0 ? TRANSIENT_TYPES.has(this.type) : TRANSIENT_STATUSES.has(this.status);
  }
}

/** The error for an operation that needs a logged-in customer when there is none. */
export function notLoggedInError(operation: string): EmporixError {
  return new EmporixError({
    status: 401,
    type: 'not_logged_in',
    message: 'No customer is logged in.',
    operation,
  });
}

/**
 * The error for a request, renewal or replay made for one login when another (or none) is current now: it
 * was not sent, or its answer was dropped, so that nothing of one customer reaches another.
 */
export function sessionChangedError(operation: string): EmporixError {
  return new EmporixError({
    status: 0,
    type: 'session_changed',
    message: 'The logged-in customer changed, so this was not sent or its answer was dropped.',
    operation,
  });
}

/** The error for a customer session that ended because its refresh was refused (or nothing could renew it). */
export function sessionExpiredError(operation: string, cause?: unknown): EmporixError {
  return new EmporixError({
    status: 401,
    type: 'session_expired',
    message: 'The customer session has expired. Please log in again.',
    operation,
    cause,
  });
}

/**
 * The error for a renewal the session can no longer make — a legal-entity switch once the refresh token has
 * lapsed (a day after login, by the reference). Nothing was sent and the session stays: the customer is
 * logged in until the access token expires, but must log in again to do this.
 */
export function loginRequiredError(operation: string): EmporixError {
  return new EmporixError({
    status: 0,
    type: 'login_required',
    message: 'The session can no longer be renewed. Please log in again to do this.',
    operation,
  });
}

/** A setting of `createCustomerClient` (or a helper) that cannot work; the message names the option. */
export function invalidConfigError(option: string, problem: string): EmporixError {
  return new EmporixError({ status: 0, type: 'invalid_config', message: `${option} ${problem}` });
}

/** Whether a 401 carries the gateway's code for an access token it does not accept (not refused credentials). */
export function isTokenFault(error: EmporixError): boolean {
  return error.status === 401 && error.code !== undefined && /access_?token|invalidtoken/i.test(error.code);
}

export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);
const TRANSIENT_TYPES: ReadonlySet<string> = new Set(['network_error', 'timeout']);

/** Query parameters through which the API forces tokens, codes and secrets into URLs. */
export const SECRET_QUERY_PARAMETERS: readonly string[] = [
  'refresh_token',
  'refreshToken',
  'anonymous_token',
  'accessToken',
  'subjectAccessToken',
  'code',
  'code_verifier',
];

/** Replaces every secret a URL may carry with `[redacted]`, including the double opt-in path token. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '[unparseable url]';
  }
  for (const name of SECRET_QUERY_PARAMETERS) {
    if (parsed.searchParams.has(name)) parsed.searchParams.set(name, 'redacted');
  }
  parsed.pathname = parsed.pathname.replace(/(\/signup\/optin\/)(?!refresh_token$)[^/]+$/, '$1redacted');
  return parsed.toString();
}

/** Shorter strings are not scrubbed: they would match ordinary words, and say nothing on their own. */
const MIN_SECRET_LENGTH = 4;

/**
 * Replaces every occurrence of the given secrets (tokens, passwords, mailed codes a request carried)
 * in text that came from elsewhere, such as a server message that echoes its input — also as the server
 * may have quoted it: escaped inside a JSON string, or URL-encoded.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    const forms = new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]);
    for (const form of [...forms].sort((a, b) => b.length - a.length)) out = out.split(form).join('[redacted]');
  }
  return out;
}

/** Object keys whose string values are secrets wherever they sit in a request body. */
const SECRET_KEY = /password|token|secret|code_?verifier/i;

/** Every secret string of a request body, at any depth (e.g. the `signup.password` of a signup). */
export function secretsInBody(body: unknown, into: string[] = [], depth = 0): string[] {
  if (!body || typeof body !== 'object' || depth > 8) return into;
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string' && SECRET_KEY.test(key)) into.push(value);
    else secretsInBody(value, into, depth + 1);
  }
  return into;
}
