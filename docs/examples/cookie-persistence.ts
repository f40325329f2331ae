import { createCustomerClient, type PersistenceAdapter } from 'emporix-customer-react/api';

/**
 * Keeps the session in a first-party cookie, so the shop's own backend receives it with every request to the
 * shop (e.g. to render pages for the logged-in customer). The client reads and writes it synchronously, so it
 * cannot be an HttpOnly cookie: scripts on the page can read it, as they can read Web Storage.
 */
export function cookiePersistence({ maxAgeSeconds }: { maxAgeSeconds: number }): PersistenceAdapter {
  const attributes = 'Path=/; Secure; SameSite=Strict';
  return {
    get(key) {
      const prefix = `${encodeURIComponent(key)}=`;
      const cookie = document.cookie.split('; ').find((entry) => entry.startsWith(prefix));
      return cookie === undefined ? null : decodeURIComponent(cookie.slice(prefix.length));
    },
    set(key, value) {
      document.cookie = `${encodeURIComponent(key)}=${encodeURIComponent(value)}; Max-Age=${maxAgeSeconds}; ${attributes}`;
    },
    remove(key) {
      document.cookie = `${encodeURIComponent(key)}=; Max-Age=0; ${attributes}`;
    },
  };
}

export const client = createCustomerClient({
  tenant: 'myshop',
  clientId: 'your-storefront-client-id',
  // As long as your tenant's customer access tokens live (30 days after a login in the API reference's examples).
  persistence: cookiePersistence({ maxAgeSeconds: 30 * 24 * 60 * 60 }),
});
