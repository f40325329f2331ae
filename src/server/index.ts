/**
 * `emporix-customer-react/server`: proxy session mode. A request handler on Web `Request`/`Response` (Node 20+
 * and edge runtimes) that forwards the Customer Service's operations to the API and keeps every token in
 * HttpOnly cookies, so that no script in the shopper's browser can read one. No React in here.
 */
export { createCustomerProxy } from './proxy';
export type { CustomerProxy, ServerRequest } from './proxy';
export { DEFAULT_PROXY_BASE_PATH } from './options';
export type { CustomerProxyCookieOptions, CustomerProxyOptions, ProxySessionContext } from './options';
export { PROXY_HEADER, SESSION_ID_HEADER } from './protocol';
export { MAX_BODY_BYTES } from './limits';
