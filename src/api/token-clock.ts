/**
 * When tokens are due: each stored token carries its expiry and the moment to renew it (the refresh margin
 * before expiry, but never before half its lifetime), computed once from the `expires_in` of the answer
 * that brought it. All of it against one clock, so tests can drive time.
 */
import type { NormalizedToken } from './schemas';
import type { StoredTokens } from './stored-session';

export interface TokenClock {
  now(): number;
  /** Not yet due for renewal. */
  fresh(tokens: StoredTokens): boolean;
  /** Not yet expired (still accepted, unless the server revoked it). */
  usable(tokens: StoredTokens): boolean;
  /** Has a refresh token that has not lapsed. */
  renewable(tokens: StoredTokens): boolean;
  /** When it is due for renewal (epoch ms). */
  renewAt(tokens: StoredTokens): number;
  /** When the background timer should act on it; one that cannot be renewed is due when it expires. */
  dueAt(tokens: StoredTokens): number;
  /** Stored tokens from a token answer received now. */
  issue(token: NormalizedToken): StoredTokens;
  /** `current` renewed by `token`; the refresh token (and its expiry) stays when the answer brings none. */
  renewed<T extends StoredTokens>(current: T, token: NormalizedToken): T;
}

export function createTokenClock(now: () => number, marginMs: number): TokenClock {
  const renewAt = (tokens: StoredTokens) => tokens.renewAt ?? tokens.expiresAt - marginMs;
  const renewable = (tokens: StoredTokens) =>
    tokens.refreshToken !== undefined && (tokens.refreshExpiresAt === undefined || tokens.refreshExpiresAt > now());

  function issue(token: NormalizedToken): StoredTokens {
    const issuedAt = now();
    const lifetimeMs = token.expiresIn * 1000;
    return {
      accessToken: token.accessToken,
      expiresAt: issuedAt + lifetimeMs,
      // A margin as long as the lifetime would renew on every use (and the timer in a loop).
      renewAt: issuedAt + Math.max(lifetimeMs - marginMs, lifetimeMs / 2),
      refreshToken: token.refreshToken,
      refreshExpiresAt:
        token.refreshTokenExpiresIn === undefined ? undefined : issuedAt + token.refreshTokenExpiresIn * 1000,
    };
  }

  return {
    now,
    fresh: (tokens) => renewAt(tokens) > now(),
    usable: (tokens) => tokens.expiresAt > now(),
    renewable,
    renewAt,
    dueAt: (tokens) => (renewable(tokens) ? renewAt(tokens) : tokens.expiresAt),
    issue,
    renewed(current, token) {
      const tokens = issue(token);
      return {
        ...current,
        ...tokens,
        refreshToken: tokens.refreshToken ?? current.refreshToken,
        refreshExpiresAt: tokens.refreshToken ? tokens.refreshExpiresAt : current.refreshExpiresAt,
      };
    },
  };
}
