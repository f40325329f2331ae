/** The claims of a JWT the client and the proxy read: subject and expiry. */
export interface JwtClaims {
  /** The subject: for a SaaS token, the customer id. */
  sub?: string;
  /** Expiry, epoch seconds. */
  exp?: number;
}

/** Reads a JWT's claims from its payload, unverified (the API checks its own tokens); `{}` when unreadable. */
export function jwtClaims(jwt: string | undefined): JwtClaims {
  const payload = jwt?.split('.')[1];
  if (!payload) return {};
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const json = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='))) as Record<string, unknown>;
    const claims: JwtClaims = {};
    if (typeof json.sub === 'string' || typeof json.sub === 'number') claims.sub = String(json.sub);
    if (typeof json.exp === 'number' && Number.isFinite(json.exp)) claims.exp = json.exp;
    return claims;
  } catch {
    return {};
  }
}
