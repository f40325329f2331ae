/**
 * `createCustomerClient`: one object with every operation of the Customer Service (customer-managed),
 * each sending exactly what its endpoint expects with the token that endpoint needs. What each operation
 * needs is the operation table (`operations.ts`); sending it as the caller who started it is
 * `bound-call.ts`; the session behind the tokens is `session.ts`; the operations come in three groups
 * (`login-operations.ts`, `account-operations.ts`, `address-operations.ts`), plus logout (`logout.ts`).
 */
import { assembleClient } from "./assemble-client";
import { resolveOptions, type CustomerClientOptions } from "./config";
import { clientNames } from "./names";
import { createProxiedClient } from "./proxy-client";
import { classifyingSend } from "./refusals";
import { createSession } from "./session";
import { createTransport } from "./transport";

export type { CustomerClient, CustomerSession } from "./assemble-client";

export type { CustomerClientOptions, ProxyModeOptions } from "./config";
export { DEFAULT_BASE_URL } from "./config";
export type { LoginResult, RequestOptions } from "./request-options";

/**
 * Creates the framework-free client. A setting that cannot work throws an `EmporixError` of type
 * `invalid_config` naming the option.
 *
 * With `proxy` (proxy session mode, see `emporix-customer-react/server`) every call goes to the storefront's
 * own proxy and no token ever reaches the page: `getSaasToken()` is `undefined` there, and what the
 * persistence keeps is expiry times, session id, customer id and login id.
 *
 * @example
 * ```ts
 * const client = createCustomerClient({ tenant: 'myshop', clientId: import.meta.env.VITE_EMPORIX_CLIENT_ID });
 * await client.login({ email: 'jane@example.com', password: 'secret-pass' });
 * const me = await client.getCustomer({ expand: ['addresses'] });
 *
 * // Proxy session mode: tokens stay in HttpOnly cookies of the shop's own server.
 * const proxied = createCustomerClient({ tenant: 'myshop', clientId: 'storefront-key', proxy: '/api/emporix' });
 * ```
 */
export function createCustomerClient(options: CustomerClientOptions) {
  const resolved = resolveOptions(options);
  if (resolved.proxy) return createProxiedClient(resolved, resolved.proxy);
  const names = clientNames(resolved.tenant, resolved.clientId, resolved.baseUrl);
  // Every refusal, the session's own requests included, is read by what is known about its operation.
  const transport = createTransport({ baseUrl: resolved.baseUrl, fetch: resolved.fetch, retry: resolved.retry });
  const send = classifyingSend(transport, { tenant: resolved.tenant, baseUrl: resolved.baseUrl });
  const session = createSession({ ...resolved, names, send });
  return assembleClient({
    tenant: resolved.tenant,
    names,
    session,
    send,
    onParseIssue: resolved.onParseIssue,
  });
}
