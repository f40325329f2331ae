/**
 * Cross-site request forgery defence, checked before anything reaches the API: the proxy's own header
 * (which forms cannot send and other sites cannot send without a preflight the proxy never answers), an
 * `Origin` among the allowed ones when the browser sends one, and no `Sec-Fetch-Site: cross-site` unless
 * that origin was allowed explicitly.
 */
import { PROXY_HEADER } from './protocol';

/** Why the request is refused, or `undefined` when it may pass. */
export function csrfRefusal(request: Request, url: URL, allowedOrigins: ReadonlySet<string> | undefined): string | undefined {
  if (request.headers.get(PROXY_HEADER) !== '1') return `The request lacks the ${PROXY_HEADER} header.`;
  const origin = request.headers.get('origin');
  const allowed = allowedOrigins ?? new Set([url.origin, ...loopbackAliases(url)]);
  if (origin !== null && !allowed.has(origin)) return 'The request comes from an origin that is not allowed.';
  const site = request.headers.get('sec-fetch-site');
  const explicitlyAllowed = origin !== null && allowedOrigins?.has(origin) === true;
  if (site === 'cross-site' && !explicitlyAllowed) return 'The request comes from another site.';
  return undefined;
}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The same server on this machine under its other loopback names (`localhost`, `127.0.0.1`, `[::1]`, same
 * scheme and port): some frameworks hand the proxy `localhost` in the request URL whatever the browser used
 * (Next.js does), and only this machine can serve a page there.
 */
function loopbackAliases(url: URL): string[] {
  if (!LOOPBACK.includes(url.hostname)) return [];
  const port = url.port === '' ? '' : `:${url.port}`;
  return LOOPBACK.map((host) => `${url.protocol}//${host}${port}`);
}
