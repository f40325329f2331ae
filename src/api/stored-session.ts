/**
 * The session as it is stored: only tokens, their expiry, the session id, the legal entity and the
 * per-login id — never profile data. Whatever is read back passes one check first: a value another
 * version wrote, a script tampered with or a storage mangled (a token with a line break, which would make
 * every request fail in `fetch`, or a customer without its login id) counts as no session at all.
 */
import * as z from 'zod/mini';
import type { PersistenceAdapter } from './persistence';

/** Visible ASCII: what a token must be to travel in a header (the bearer, `session-id`, `saas-token`) as it is. */
export const HEADER_SAFE = /^[\x21-\x7E]+$/;

const headerSafe = z.string().check(z.regex(HEADER_SAFE));
/** Epoch milliseconds (zod refuses NaN and infinities). */
const time = z.number();

const tokenFields = {
  accessToken: headerSafe,
  expiresAt: time,
  /** When to renew it: the refresh margin before expiry, but never before half its lifetime. */
  renewAt: z.optional(time),
  refreshToken: z.optional(headerSafe),
  refreshExpiresAt: z.optional(time),
};

const storedAnonymousSchema = z.object({
  ...tokenFields,
  /** Absent when the API answered without one (it sometimes does). */
  sessionId: z.optional(headerSafe),
});

const storedCustomerSchema = z.object({
  ...tokenFields,
  /** The per-login id: 128 random bits made when this login started; never read from the server. */
  loginId: z.string().check(z.regex(/^[0-9a-f]{32}$/)),
  saasToken: z.optional(headerSafe),
  sessionId: z.optional(headerSafe),
  customerId: z.optional(z.string()),
  legalEntityId: z.optional(z.string()),
});

const storedSessionSchema = z.object({
  anonymous: z.optional(storedAnonymousSchema),
  customer: z.optional(storedCustomerSchema),
});

export type StoredAnonymous = z.infer<typeof storedAnonymousSchema>;
export type StoredCustomer = z.infer<typeof storedCustomerSchema>;
export type StoredSession = z.infer<typeof storedSessionSchema>;
/** What both kinds of stored tokens have. */
export type StoredTokens = Pick<StoredAnonymous, keyof typeof tokenFields>;

/** Reads the stored session; anything unreadable or invalid is no session rather than a failure. */
export function readSession(adapter: PersistenceAdapter, key: string): StoredSession {
  try {
    const raw = adapter.get(key);
    if (!raw) return {};
    const parsed = storedSessionSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function writeSession(adapter: PersistenceAdapter, key: string, session: StoredSession): void {
  if (!session.anonymous && !session.customer) adapter.remove(key);
  else adapter.set(key, JSON.stringify(session));
}
