/**
 * Every name a client uses in what the pages of one browser share — the storage key of its session, its
 * refresh locks, its tab channel, its pending social login — starts with one prefix made of the tenant, the
 * client id and the API address. Two clients that differ in any of them (production and staging of one
 * tenant, two storefront keys, an API behind the shop's own proxy) never read each other's tokens.
 */
export interface ClientNames {
  /** The prefix: `emporix-customer-react:<tenant>:<client id>:<API address>`. */
  readonly prefix: string;
  /** Storage key of the session (tokens and their expiry). */
  readonly session: string;
  /** Refresh lock of one kind of token (the storage lease keeps its lease under `<name>:lock`). */
  lock(kind: 'anonymous' | 'customer'): string;
  /** BroadcastChannel the tabs talk over. */
  readonly channel: string;
  /** sessionStorage key of a social login between the redirect out and the callback. */
  readonly socialLogin: string;
}

export function clientNames(tenant: string, clientId: string, baseUrl: string): ClientNames {
  const url = new URL(baseUrl);
  const api = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  const prefix = `emporix-customer-react:${tenant}:${clientId}:${api}`;
  return {
    prefix,
    session: `${prefix}:session`,
    lock: (kind) => `${prefix}:${kind}`,
    channel: prefix,
    socialLogin: `${prefix}:social-login`,
  };
}
