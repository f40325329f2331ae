/**
 * Reading a token answer (anonymous login or refresh, login, refresh, opt-in, social login, exchange) into
 * what the session stores — or into a `malformed_response` error that quotes none of it, as it holds live
 * tokens. A token that could not travel in a header as it is (a line break, a non-ASCII character) is
 * refused here, so it never reaches storage to make every later request fail in `fetch`.
 */
import { EmporixError } from './errors';
import { jwtClaims } from './jwt';
import type { NormalizedToken } from './schemas';
import { HEADER_SAFE, type StoredCustomer } from './stored-session';

export function parseToken(normalize: (raw: unknown) => NormalizedToken, raw: unknown, operation: string): NormalizedToken {
  try {
    const read = normalize(raw);
    // An empty optional field is an absent one.
    const token = { ...read, sessionId: read.sessionId || undefined, refreshToken: read.refreshToken || undefined, saasToken: read.saasToken || undefined };
    const headerSafe = [token.accessToken, token.sessionId, token.refreshToken, token.saasToken].every(
      (value) => value === undefined || HEADER_SAFE.test(value),
    );
    if (headerSafe) return token;
  } catch {
    // The parse failure is not attached: it could quote the tokens it was given.
  }
  throw new EmporixError({
    status: 0,
    type: 'malformed_response',
    message: 'The token response was not what the Emporix API promises.',
    operation,
  });
}

/** The customer id is the subject of the SaaS token (a JWT); `undefined` if it cannot be read. */
export function subjectOf(jwt: string | undefined): string | undefined {
  return jwtClaims(jwt).sub;
}

/**
 * When the stored SaaS token expires (epoch ms): its own `exp`; one that cannot be read is taken to expire
 * with the customer access token. `undefined` without a SaaS token.
 */
export function saasTokenExpiry(customer: Pick<StoredCustomer, 'saasToken' | 'expiresAt'>): number | undefined {
  if (customer.saasToken === undefined) return undefined;
  const { exp } = jwtClaims(customer.saasToken);
  return exp === undefined ? customer.expiresAt : exp * 1000;
}

/** The stored SaaS token while its own expiry lies ahead of `now` (epoch ms), else `undefined`. */
export function liveSaasToken(customer: Pick<StoredCustomer, 'saasToken' | 'expiresAt'>, now: number): string | undefined {
  return now < (saasTokenExpiry(customer) ?? 0) ? customer.saasToken : undefined;
}
