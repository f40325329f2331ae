/**
 * What the proxy does for each operation, with the tokens of one request's cookies: sets the bearer the
 * operation needs (obtaining or renewing the anonymous token itself when it is missing or refused), fills
 * in the tokens the API wants in URLs, turns token answers into cookies, and ends the session in the
 * cookies on logout or a refused refresh. Everything it knows comes from the request; nothing is kept.
 */
import { EmporixError, isTokenFault, SECRET_QUERY_PARAMETERS } from '../api/errors';
import { OPERATIONS, type OperationName, type OperationSpec, type SessionValue } from '../api/operations';
import { normalizeAnonymousToken, normalizeCustomerToken, type NormalizedToken } from '../api/schemas';
import { errorFromResponse } from '../api/transport';
import type { CookieJar } from './cookie-jar';
import type { ProxyConfig } from './options';
import { PUBLIC_TOKEN_FIELDS } from './protocol';
import { errorBody, proxyErrors } from './responses';
import type { Route } from './route';
import { bodySecrets, scrubDeep } from './scrub';
import {
  cookieSecrets,
  expireAll,
  expireAnonymous,
  expireCustomer,
  readCustomerRefresh,
  storeAnonymous,
  storeCustomerLogin,
  storeCustomerRefresh,
  type CustomerIdentity,
} from './session-cookies';
import { callUpstream, type UpstreamAnswer, type UpstreamCall } from './upstream';

/** One request on its way through the proxy. */
export interface Exchange {
  readonly config: ProxyConfig;
  readonly route: Route;
  readonly body: Record<string, unknown> | undefined;
  readonly jar: CookieJar;
  readonly signal: AbortSignal;
  /** Every secret the request holds or receives, to be scrubbed from whatever goes back. */
  readonly secrets: Set<string>;
  /** The session id of an anonymous token the proxy obtained on its own during this request. */
  renewedSessionId?: string | undefined;
}

/** What the proxy answers: a status, maybe a JSON body. */
export interface Outcome {
  status: number;
  body?: unknown;
  retryAfter?: string | null;
}

/** A 400 or 401 from a refresh: the refresh token is refused, so its session is over. */
const REFUSED = new Set([400, 401]);

export function createExchange(
  config: ProxyConfig,
  route: Route,
  body: Record<string, unknown> | undefined,
  jar: CookieJar,
  signal: AbortSignal,
): Exchange {
  const secrets = new Set(cookieSecrets(jar));
  bodySecrets(body, secrets);
  for (const name of SECRET_QUERY_PARAMETERS) {
    const value = route.query[name];
    if (value !== undefined) secrets.add(value);
  }
  // The opt-in token travels in the path.
  if (route.params.token !== undefined) {
    secrets.add(route.params.token);
    secrets.add(encodeURIComponent(route.params.token));
  }
  return { config, route, body, jar, signal, secrets };
}

export function runOperation(ex: Exchange): Promise<Outcome> {
  switch (ex.route.spec.effect) {
    case 'anonymousToken':
      return ex.route.name === 'anonymousLogin' ? anonymousLogin(ex) : anonymousRefresh(ex);
    case 'customerRefresh':
      return refreshCustomer(ex);
    case 'logout':
      return logout(ex);
    default:
      return forward(ex);
  }
}

/** An error as the proxy answers it. */
export function failure(error: unknown): Outcome {
  const known = error instanceof EmporixError && error.status >= 400 ? error : proxyErrors.internal();
  return { status: known.status, body: errorBody(known), retryAfter: retryAfterOf(error) };
}

// ---- operations ----------------------------------------------------------------------------------

async function anonymousLogin(ex: Exchange): Promise<Outcome> {
  const query = { ...ex.config.sessionContext, ...ex.route.query, ...sessionQuery(ex, ex.route.spec) };
  const answer = await send(ex, { operation: 'anonymousLogin', query });
  if (!ok(answer)) throw upstreamError(ex, answer, 'anonymousLogin');
  const { token, raw } = readToken(ex, answer, normalizeAnonymousToken, 'anonymousLogin');
  storeAnonymous(ex.jar, token);
  return { status: answer.status, body: publicTokenBody(raw) };
}

/** Renews the anonymous token with the refresh token from its cookie; a refusal expires both cookies. */
async function anonymousRefresh(ex: Exchange): Promise<Outcome> {
  if (ex.jar.read('anonymousRefresh') === undefined) {
    expireAnonymous(ex.jar);
    throw proxyErrors.noRefreshToken();
  }
  const answer = await send(ex, { operation: 'anonymousRefresh', query: sessionQuery(ex, ex.route.spec) });
  if (!ok(answer)) {
    if (REFUSED.has(answer.status)) expireAnonymous(ex.jar);
    throw upstreamError(ex, answer, 'anonymousRefresh');
  }
  const { token, raw } = readToken(ex, answer, normalizeAnonymousToken, 'anonymousRefresh');
  storeAnonymous(ex.jar, token);
  return { status: answer.status, body: publicTokenBody(raw) };
}

/**
 * `refreshauthtoken`, authorised by the anonymous token, with the refresh token from its cookie and the
 * legal entity the browser asks for (else the current one). A 400/401 refuses the refresh token and ends
 * the session — except a 400 while switching to another legal entity, which refuses only the switch.
 */
async function refreshCustomer(ex: Exchange): Promise<Outcome> {
  const refresh = readCustomerRefresh(ex.jar);
  if (refresh === undefined) {
    expireCustomer(ex.jar);
    throw proxyErrors.noRefreshToken();
  }
  const current = ex.jar.read('legalEntity');
  const requested = ex.route.query.legalEntityId;
  const legalEntityId = requested ?? current;
  const switching = requested !== undefined && requested !== current;
  const answer = await withAnonymousBearer(ex, true, (bearer) =>
    send(ex, { operation: 'refreshCustomerToken', query: { refreshToken: refresh.token, legalEntityId }, bearer }),
  );
  if (!ok(answer)) {
    if (REFUSED.has(answer.status) && !(switching && answer.status === 400)) expireAll(ex.jar);
    throw upstreamError(ex, answer, 'refreshCustomerToken');
  }
  const { token, raw } = readToken(ex, answer, normalizeCustomerToken, 'refreshCustomerToken');
  return { status: answer.status, body: publicTokenBody(raw, storeCustomerRefresh(ex.jar, token, legalEntityId)) };
}

/**
 * Every cookie of the session expires, whatever the API answers; the API is told with the customer token
 * the cookie holds (as bearer and as the `accessToken` it wants in the URL).
 */
async function logout(ex: Exchange): Promise<Outcome> {
  const accessToken = ex.jar.read('customer');
  expireAll(ex.jar);
  if (accessToken === undefined) return { status: 204 };
  const answer = await send(ex, { operation: 'logout', query: { accessToken }, bearer: accessToken });
  if (!ok(answer)) throw upstreamError(ex, answer, 'logout');
  return passThrough(ex, answer);
}

/** Any other operation: the bearer it needs, the caller's checked query, headers and body. */
async function forward(ex: Exchange): Promise<Outcome> {
  const { name, spec, params, query, headers } = ex.route;
  const call = (bearer: string | undefined): UpstreamCall => ({
    operation: name,
    params,
    query: { ...query, ...sessionQuery(ex, spec) },
    bearer,
    body: ex.body,
    headers,
  });
  const answer = usesCustomer(ex)
    ? await send(ex, call(customerBearer(ex)))
    : spec.auth === 'none'
      ? await send(ex, call(undefined))
      : await withAnonymousBearer(ex, spec.on401 !== 'never', (bearer) => send(ex, call(bearer)));
  if (!ok(answer)) throw upstreamError(ex, answer, name);
  if (spec.effect !== 'customerLogin') return passThrough(ex, answer);
  const { token, raw } = readToken(ex, answer, normalizeCustomerToken, name);
  return { status: answer.status, body: publicTokenBody(raw, storeCustomerLogin(ex.jar, token)) };
}

// ---- bearers -------------------------------------------------------------------------------------

/** `customer` operations, and `either` while a customer session exists (even with its access token run out). */
function usesCustomer(ex: Exchange): boolean {
  const { auth } = ex.route.spec;
  if (auth === 'customer') return true;
  return auth === 'either' && (ex.jar.read('customer') !== undefined || readCustomerRefresh(ex.jar) !== undefined);
}

/**
 * The customer access token. Without one the proxy answers 401 itself: as an expired token while the refresh
 * token lives (the browser then renews through the proxy), else as "not logged in".
 */
function customerBearer(ex: Exchange): string {
  const token = ex.jar.read('customer');
  if (token !== undefined) return token;
  throw readCustomerRefresh(ex.jar) !== undefined ? proxyErrors.customerTokenExpired() : proxyErrors.noCustomer();
}

/**
 * Sends with the anonymous token, obtained first when the cookie has none. When the API refuses a token the
 * cookie held (a token fault), it is renewed and the request sent once more — unless `replay` is off.
 */
async function withAnonymousBearer(
  ex: Exchange,
  replay: boolean,
  attempt: (bearer: string) => Promise<UpstreamAnswer>,
): Promise<UpstreamAnswer> {
  const stored = ex.jar.read('anonymous');
  const answer = await attempt(stored ?? (await renewAnonymous(ex)));
  if (!(replay && stored !== undefined && answer.status === 401 && isTokenFault(errorOf(ex, answer, 'anonymous')))) {
    return answer;
  }
  return attempt(await renewAnonymous(ex));
}

/**
 * A new anonymous access token: refreshed while the refresh token is accepted (same session), else from a
 * new anonymous login. The API refusing that login is a configuration fault of the proxy (tenant or API
 * key), never something the shopper did: it is answered as a 502, not passed on as the 401 it was.
 */
async function renewAnonymous(ex: Exchange): Promise<string> {
  if (ex.jar.read('anonymousRefresh') !== undefined) {
    const answer = await send(ex, { operation: 'anonymousRefresh', query: sessionQuery(ex, OPERATIONS.anonymousRefresh) });
    if (ok(answer)) return adoptAnonymous(ex, answer, 'anonymousRefresh');
    if (!REFUSED.has(answer.status)) throw upstreamError(ex, answer, 'anonymousRefresh');
  }
  const query = { ...ex.config.sessionContext, ...sessionQuery(ex, OPERATIONS.anonymousLogin) };
  const answer = await send(ex, { operation: 'anonymousLogin', query });
  if (ok(answer)) return adoptAnonymous(ex, answer, 'anonymousLogin');
  const error = upstreamError(ex, answer, 'anonymousLogin');
  if (!REFUSED.has(answer.status) && answer.status !== 403) throw error;
  throw new EmporixError({
    status: 502,
    type: 'anonymous_session_refused',
    message: `The Emporix API refused the proxy an anonymous session (check tenant and clientId): ${error.message}`,
    code: error.code,
  });
}

function adoptAnonymous(ex: Exchange, answer: UpstreamAnswer, operation: OperationName): string {
  const { token } = readToken(ex, answer, normalizeAnonymousToken, operation);
  storeAnonymous(ex.jar, token);
  ex.renewedSessionId = token.sessionId;
  return token.accessToken;
}

// ---- wire ----------------------------------------------------------------------------------------

/** The query values the session supplies for an operation, from the configuration and the cookies. */
function sessionQuery(ex: Exchange, spec: OperationSpec): Record<string, string | undefined> {
  const values: Record<SessionValue, () => string | undefined> = {
    tenant: () => ex.config.tenant,
    clientId: () => ex.config.clientId,
    anonymousRefreshToken: () => ex.jar.read('anonymousRefresh'),
    customerRefreshToken: () => readCustomerRefresh(ex.jar)?.token,
    customerAccessToken: () => ex.jar.read('customer'),
  };
  return Object.fromEntries(Object.entries(spec.sessionQuery ?? {}).map(([name, value]) => [name, values[value]()]));
}

function send(ex: Exchange, call: Omit<UpstreamCall, 'params'> & { params?: UpstreamCall['params'] }): Promise<UpstreamAnswer> {
  return callUpstream(ex.config, { params: {}, ...call }, ex.signal);
}

const ok = (answer: UpstreamAnswer) => answer.status >= 200 && answer.status < 300;

function sortedSecrets(ex: Exchange): string[] {
  return [...ex.secrets].sort((a, b) => b.length - a.length);
}

function errorOf(ex: Exchange, answer: UpstreamAnswer, operation: string): EmporixError {
  return errorFromResponse(answer.status, answer.text, operation, answer.url, sortedSecrets(ex));
}

/** `Retry-After` of the API's answers that became errors, passed on with them. */
const retryAfters = new WeakMap<object, string>();

/** The API's refusal as the proxy passes it on; a redirect (never followed) is a bad gateway. */
function upstreamError(ex: Exchange, answer: UpstreamAnswer, operation: OperationName): EmporixError {
  if (answer.status < 400) return proxyErrors.badGateway(operation);
  const error = errorOf(ex, answer, operation);
  if (answer.retryAfter !== null) retryAfters.set(error, answer.retryAfter);
  return error;
}

function retryAfterOf(error: unknown): string | null {
  return (error instanceof Object && retryAfters.get(error)) || null;
}

function readToken(
  ex: Exchange,
  answer: UpstreamAnswer,
  normalize: (raw: unknown) => NormalizedToken,
  operation: OperationName,
): { token: NormalizedToken; raw: Record<string, unknown> } {
  let raw: unknown;
  let token: NormalizedToken;
  try {
    raw = JSON.parse(answer.text);
    token = normalize(raw);
  } catch {
    // Not attached: the parse failure could quote the tokens.
    throw proxyErrors.malformed(operation);
  }
  for (const secret of [token.accessToken, token.refreshToken, token.saasToken]) if (secret) ex.secrets.add(secret);
  for (const key of ['subject_access_token', 'social_access_token', 'social_id_token']) {
    const value = (raw as Record<string, unknown>)[key];
    if (typeof value === 'string') ex.secrets.add(value);
  }
  return { token, raw: raw as Record<string, unknown> };
}

/** A token answer without its tokens: lifetimes, session id, scope and flags, plus who logged in. */
function publicTokenBody(raw: Record<string, unknown>, identity?: CustomerIdentity): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of PUBLIC_TOKEN_FIELDS) if (raw[field] !== undefined) body[field] = raw[field];
  if (identity?.customerId !== undefined) body.customerId = identity.customerId;
  if (identity) body.loginId = identity.loginId;
  return body;
}

/** A success answer as it came, minus any echo of a secret; a body that is not JSON is a bad gateway. */
function passThrough(ex: Exchange, answer: UpstreamAnswer): Outcome {
  if (answer.text.trim() === '') return { status: answer.status };
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    throw proxyErrors.malformed(ex.route.name);
  }
  return { status: answer.status, body: scrubDeep(body, sortedSecrets(ex)) };
}
