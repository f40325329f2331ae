/**
 * `createCustomerProxy`: the server half of proxy session mode. The storefront mounts `handle` under
 * `basePath` (a Next.js route handler, a Remix/React Router resource route, a Worker, any server that
 * speaks Web `Request`/`Response`); the browser client then sends every call there instead of to the API,
 * and the tokens live in HttpOnly cookies no script on the page can read.
 */
import { readJsonBody, isJsonContentType } from './body';
import { createCookieJar } from './cookie-jar';
import { isLocalHttp, type CookieSettings } from './cookie-names';
import { csrfRefusal } from './csrf';
import { resolveOptions, type CustomerProxyOptions, type ProxyConfig } from './options';
import { SESSION_ID_HEADER } from './protocol';
import { proxyErrors } from './responses';
import { pathBelowBase, routeRequest } from './route';
import { createServerClient, type ServerRequest } from './server-client';
import { createExchange, failure, runOperation, type Outcome } from './session-flow';
import type { CustomerClient } from '../api/assemble-client';

export type { ServerRequest } from './server-client';

/** The proxy `createCustomerProxy` returns: the request handler to mount, and a server-side client per request. */
export interface CustomerProxy {
  /**
   * Answers one request to `{basePath}/…` — the same path the browser client would call on the API
   * (`/customer/{tenant}/login`, `/customerlogin/auth/anonymous/login`, …). Never throws: every failure
   * is an answer in the API's own error shapes.
   */
  handle(request: Request): Promise<Response>;
  /**
   * A customer client on the server, bound to this request's cookies: for server rendering (pass it to
   * `customerQueries` or `prefetchAccountPage`) and for server code that needs `session.getSaasToken()`. Make one
   * per request and never share it. It does not renew tokens or start and end sessions (those set cookies,
   * which only the proxy's answers to the browser can): a read whose token has run out fails with a 401 that
   * the browser, once hydrated, resolves by renewing through the proxy.
   *
   * @example
   * ```ts
   * // A Next.js server component: no Request object there, so pass the request's headers.
   * const client = proxy.client({ headers: await headers() });
   * const session = client.session.getState(); // { status: 'customer', loginId, … } — no tokens
   * ```
   */
  client(request: Request | ServerRequest): CustomerClient;
}

/**
 * Creates the proxy. Settings are checked at once: a bad one throws an `EmporixError` of type
 * `invalid_config` naming the option.
 *
 * @example
 * ```ts
 * // app/api/emporix/[...path]/route.ts (Next.js App Router)
 * import { createCustomerProxy } from 'emporix-customer-react/server';
 *
 * const proxy = createCustomerProxy({ tenant: 'myshop', clientId: process.env.EMPORIX_CLIENT_ID! });
 * export const GET = proxy.handle;
 * export const POST = proxy.handle;
 * export const PATCH = proxy.handle;
 * export const DELETE = proxy.handle;
 * ```
 */
export function createCustomerProxy(options: CustomerProxyOptions): CustomerProxy {
  const config = resolveOptions(options);
  return {
    handle: async (request) => {
      try {
        return await handle(config, request);
      } catch (error) {
        return respond(failure(error), []);
      }
    },
    client(request) {
      const url = requestUrl(request);
      const jar = createCookieJar(request.headers.get('cookie'), cookieSettings(config, url));
      return createServerClient(config, jar);
    },
  };
}

/**
 * The URL a request came to, for the cookies' names (`Secure` ones carry a prefix). Without one, it is the
 * `Host` header's, over https unless that host is this machine — the rule by which the proxy set them.
 */
function requestUrl(request: Request | ServerRequest): URL {
  if (request.url !== undefined && URL.canParse(request.url)) return new URL(request.url);
  const host = request.headers.get('host') ?? 'localhost';
  const local = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host);
  return new URL(`${local ? 'http' : 'https'}://${URL.canParse(`http://${host}`) ? host : 'localhost'}/`);
}

async function handle(config: ProxyConfig, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const apiPath = pathBelowBase(url.pathname, config.basePath);
  if (apiPath === undefined) throw proxyErrors.notFound();
  // Before anything else looks at the request, so that a forged one learns nothing and costs nothing.
  const refusal = csrfRefusal(request, url, config.allowedOrigins);
  if (refusal !== undefined) throw proxyErrors.forbidden(refusal);
  const route = routeRequest(config, request, url, apiPath);
  const contentType = request.headers.get('content-type');
  if (contentType !== null && !isJsonContentType(contentType)) throw proxyErrors.unsupportedMediaType();
  const body = route.spec.body ? await readJsonBody(request) : undefined;

  const jar = createCookieJar(request.headers.get('cookie'), cookieSettings(config, url));
  const exchange = createExchange(config, route, body, jar, request.signal);
  let outcome: Outcome;
  try {
    outcome = await runOperation(exchange);
  } catch (error) {
    outcome = failure(error);
  }
  const response = respond(outcome, jar.setCookieHeaders());
  if (exchange.renewedSessionId !== undefined) response.headers.set(SESSION_ID_HEADER, exchange.renewedSessionId);
  return response;
}

function cookieSettings(config: ProxyConfig, url: URL): CookieSettings {
  const { cookies } = config;
  const secure = cookies.sameSite === 'None' || (cookies.secure ?? !isLocalHttp(url));
  return {
    prefix: cookies.prefix,
    tenant: config.tenant,
    secure,
    sameSite: cookies.sameSite,
    domain: cookies.domain,
    pagePath: cookies.path,
    proxyPath: config.basePath,
  };
}

function respond(outcome: Outcome, setCookies: readonly string[]): Response {
  // Answers hold personal data or start sessions: no cache may keep them.
  const headers = new Headers({ 'cache-control': 'no-store' });
  if (outcome.body !== undefined) headers.set('content-type', 'application/json');
  if (outcome.retryAfter) headers.set('retry-after', outcome.retryAfter);
  for (const cookie of setCookies) headers.append('set-cookie', cookie);
  const body = outcome.body === undefined ? null : JSON.stringify(outcome.body);
  return new Response(body, { status: outcome.status, headers });
}
