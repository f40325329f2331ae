/**
 * Which operation a request to the proxy addresses, and what of it may pass: the path must be one of the
 * service's operations for the configured tenant (else 404), the query may hold only the parameters that
 * operation lets a caller choose (the tokens the API wants in URLs are the proxy's to add), and the only
 * header passed on is one the operation names.
 */
import { matchOperation, type OperationName, type OperationSpec } from '../api/operations';
import { MAX_URL_BYTES } from './limits';
import type { ProxyConfig } from './options';
import { proxyErrors } from './responses';

export interface Route {
  name: OperationName;
  spec: OperationSpec;
  params: Record<string, string>;
  /** The caller's query parameters, checked. */
  query: Record<string, string>;
  /** The caller's headers the operation takes. */
  headers: Record<string, string>;
}

/** The path below `basePath`, or `undefined` when the request is not for the proxy. */
export function pathBelowBase(pathname: string, basePath: string): string | undefined {
  return pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : undefined;
}

export function routeRequest(config: ProxyConfig, request: Request, url: URL, apiPath: string): Route {
  if (url.pathname.length + url.search.length > MAX_URL_BYTES) throw proxyErrors.uriTooLong();
  const match = matchOperation(request.method, apiPath);
  if (!match) throw proxyErrors.notFound();
  if (match.params.tenant !== undefined && match.params.tenant !== config.tenant) throw proxyErrors.notFound();
  return {
    ...match,
    query: callerQuery(config, match.name, match.spec, url.searchParams),
    headers: callerHeaders(match.spec, request.headers),
  };
}

function callerQuery(
  config: ProxyConfig,
  name: OperationName,
  spec: OperationSpec,
  search: URLSearchParams,
): Record<string, string> {
  const query = new Map<string, string>();
  for (const [param, value] of search) {
    if (query.has(param)) throw proxyErrors.badRequest(`The query parameter "${param}" is given more than once.`);
    const supplied = spec.sessionQuery?.[param];
    if (supplied === 'tenant' || supplied === 'clientId') {
      // Tolerated when it names this proxy's tenant and API key, which the proxy sets anyway.
      if (value !== (supplied === 'tenant' ? config.tenant : config.clientId)) throw proxyErrors.notFound();
      continue;
    }
    if (supplied !== undefined) {
      throw proxyErrors.badRequest(`The proxy adds "${param}" itself; it never comes from the browser.`);
    }
    if (!spec.query.includes(param)) throw proxyErrors.badRequest(`${name} takes no query parameter "${param}".`);
    query.set(param, value);
  }
  return Object.fromEntries(query);
}

/** Header values must be visible ASCII to travel on as they are. */
const HEADER_SAFE = /^[\x21-\x7E]+$/;

function callerHeaders(spec: OperationSpec, incoming: Headers): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of spec.headers ?? []) {
    const value = incoming.get(name)?.trim();
    if (value !== undefined && HEADER_SAFE.test(value)) headers[name] = value;
  }
  return headers;
}
