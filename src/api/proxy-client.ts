/**
 * Proxy session mode in the page: the client sends every call to the storefront's proxy, keeps handles where
 * the default mode keeps tokens, takes up the login the proxy's readable cookie names, and learns its login id
 * from the proxy — so the page and the server rendering it agree on who is calling.
 */
import { assembleClient } from './assemble-client';
import type { ResolvedOptions } from './config';
import { clientNames } from './names';
import { isSharedPersistence, resolvePersistence } from './persistence';
import { adoptProxyLogin, readLoginCookie } from './proxy-session';
import { createProxyTransport, proxyLoginIdentity } from './proxy-transport';
import { defaultRefreshLock } from './refresh-lock';
import { classifyingSend } from './refusals';
import { createSession } from './session';

/** Proxy mode: the transport to the proxy, the login the proxy's cookie names, and handles for tokens. */
export function createProxiedClient(resolved: ResolvedOptions, proxy: NonNullable<ResolvedOptions['proxy']>) {
  const { tenant } = resolved;
  const origin = (globalThis.location as Location | undefined)?.origin;
  const names = clientNames(tenant, resolved.clientId, new URL(proxy.path, origin && origin !== 'null' ? origin : 'http://localhost').href);
  // The page's own copy of the persistence, so that a login the cookie names is stored before the session reads it.
  const persistence = resolvePersistence(resolved.persistence);
  const shared = isSharedPersistence(resolved.persistence);
  adoptProxyLogin(persistence, names.session, readLoginCookie(tenant, proxy.cookiePrefix), resolved.initialSession, Date.now());
  const transport = createProxyTransport({
    path: proxy.path,
    fetch: resolved.fetch,
    retry: resolved.retry,
    // The proxy started a new anonymous session on its own: a guest's page takes it up (carts hang off it).
    onSessionId(sessionId) {
      const state = session.getState();
      if (state.status === 'anonymous' && state.sessionId !== undefined && state.sessionId !== sessionId) {
        session.refreshAnonymous().catch(() => undefined);
      }
    },
  });
  const send = classifyingSend(transport, { tenant, baseUrl: proxy.path });
  const session = createSession({
    ...resolved,
    names,
    send,
    persistence,
    lock: resolved.lock ?? defaultRefreshLock(shared ? persistence : undefined),
    tabSync: shared ? resolved.tabSync : false,
    loginIdentity: proxyLoginIdentity,
  });
  const initial = resolved.initialSession === undefined ? undefined : Object.freeze({ ...resolved.initialSession });
  const onParseIssue = resolved.onParseIssue;
  return assembleClient({ tenant, names, session, send, serverState: initial, holdsTokens: false, onParseIssue });
}
