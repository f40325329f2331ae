/**
 * The cookies of one request: read from its `Cookie` header, changed while the request is handled, and
 * written back as `Set-Cookie` headers. Nothing outlives the request, so two shoppers never share anything.
 */
import { EmporixError } from '../api/errors';
import { cookieAttributes, type CookieKind, type CookieSettings } from './cookie-names';
import { MAX_COOKIE_BYTES } from './limits';

export interface CookieJar {
  /** The current value: as the request brought it, or as set or expired since. */
  read(kind: CookieKind): string | undefined;
  /** Sets a cookie that lives `maxAgeSeconds` (until the browser closes when `undefined`). */
  set(kind: CookieKind, value: string, maxAgeSeconds: number | undefined): void;
  expire(kind: CookieKind): void;
  /** The `Set-Cookie` header values for every change, one per cookie. */
  setCookieHeaders(): string[];
}

export function createCookieJar(cookieHeader: string | null, settings: CookieSettings): CookieJar {
  const received = parseCookieHeader(cookieHeader);
  const current = new Map<CookieKind, string | undefined>();
  const changes = new Map<CookieKind, string>();

  return {
    read(kind) {
      if (current.has(kind)) return current.get(kind);
      return received.get(cookieAttributes(kind, settings).name);
    },
    set(kind, value, maxAgeSeconds) {
      const header = serialize(kind, settings, encodeURIComponent(value), maxAgeSeconds);
      if (header.split(';', 1)[0]!.length > MAX_COOKIE_BYTES) {
        throw new EmporixError({
          status: 502,
          type: 'token_too_large',
          message: `A token from the Emporix API is too large for a cookie (over ${MAX_COOKIE_BYTES} bytes).`,
        });
      }
      current.set(kind, value);
      changes.set(kind, header);
    },
    expire(kind) {
      current.set(kind, undefined);
      changes.set(kind, serialize(kind, settings, '', 0));
    },
    setCookieHeaders: () => [...changes.values()],
  };
}

function serialize(kind: CookieKind, settings: CookieSettings, value: string, maxAgeSeconds: number | undefined): string {
  const attributes = cookieAttributes(kind, settings);
  const parts = [`${attributes.name}=${value}`, `Path=${attributes.path}`];
  if (maxAgeSeconds !== undefined) {
    const seconds = Math.max(0, Math.floor(maxAgeSeconds));
    parts.push(`Max-Age=${seconds}`);
    if (seconds === 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  }
  if (attributes.domain !== undefined) parts.push(`Domain=${attributes.domain}`);
  if (attributes.secure) parts.push('Secure');
  if (attributes.httpOnly) parts.push('HttpOnly');
  parts.push(`SameSite=${attributes.sameSite}`);
  return parts.join('; ');
}

/**
 * Name → value. Where a name comes twice (a stale copy on another path), the first one counts: browsers
 * send the cookie with the longer, more specific path first.
 */
function parseCookieHeader(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of (header ?? '').split(';')) {
    const index = pair.indexOf('=');
    if (index < 0) continue;
    const name = pair.slice(0, index).trim();
    if (name === '' || cookies.has(name)) continue;
    const value = decode(pair.slice(index + 1).trim());
    if (value !== undefined && value !== '') cookies.set(name, value);
  }
  return cookies;
}

function decode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
