/**
 * `runDoctor`: checks that a tenant, a storefront client id and a base URL work together, without creating
 * anything and without credentials of a shopper. It asks for an anonymous token, renews it once, reads the
 * anonymous profile, and — given the shop's origin — asks the API whether a browser on that origin may call
 * it (CORS). Each finding says what was learnt and, when something is wrong, what to change.
 * Tokens it receives never leave this module: not in findings, not in errors.
 */
import { normalizeAnonymousToken, tenantSchema, type NormalizedToken } from '../api/schemas';
import { probe, record, refusalOf, type ProbeResult } from './probe';

export interface DoctorOptions {
  /** The tenant name, as in the Emporix Developer Portal. */
  tenant: string;
  /** The storefront API key (client id) of the tenant. */
  clientId: string;
  /** The API origin; default `https://api.emporix.io`. */
  baseUrl?: string;
  /** The origin your shop runs on (e.g. `https://shop.example.com`): checks that browsers there may call the API. */
  origin?: string;
  /** A `fetch` of your own; default the global one. */
  fetch?: typeof globalThis.fetch;
  /** How long to wait for each answer, in milliseconds; default 10 000. */
  timeoutMs?: number;
}

/** What a finding is about. */
export type DoctorCheck =
  | 'settings'
  | 'baseUrl'
  | 'clientId'
  | 'tenant'
  | 'anonymousToken'
  | 'anonymousRefresh'
  | 'customerApi'
  | 'cors';

/** `problem`: the storefront cannot work like this; `warning`: it works, but not as well as it could. */
export type DoctorStatus = 'ok' | 'warning' | 'problem' | 'skipped';

export interface DoctorFinding {
  check: DoctorCheck;
  status: DoctorStatus;
  /** What was learnt, in a sentence. */
  summary: string;
  /** What to change, for a warning or a problem. */
  fix?: string;
}

/** Lifetimes the tenant handed out, in seconds, beside the public reference's. */
export interface DoctorLifetimes {
  anonymousAccess: { tenant: number | undefined; reference: number };
  anonymousRefresh: { tenant: number | undefined; reference: number };
}

export interface DoctorReport {
  tenant: string;
  baseUrl: string;
  origin: string | undefined;
  /** True when no finding is a problem. */
  ok: boolean;
  findings: DoctorFinding[];
  /** Present once the tenant handed out an anonymous token. */
  lifetimes?: DoctorLifetimes;
}

/** The API origin the client uses unless told otherwise. */
export const DOCTOR_DEFAULT_BASE_URL = 'https://api.emporix.io';

/** The anonymous token lifetimes of the public reference. */
const REFERENCE_ANONYMOUS = { access: 3599, refresh: 86399 };

const PORTAL_KEY_HINT =
  'Copy the storefront client id from the Emporix Developer Portal (Manage API keys → Storefront API) of this tenant.';

/** Headers a browser asks permission for before the client's writes (JSON bodies with a bearer token). */
const PREFLIGHT_HEADERS = ['authorization', 'content-type'];

/**
 * Checks a tenant setup, read-only. Never throws for what the API answers; only for options that are not
 * strings.
 *
 * @example
 * ```ts
 * const report = await runDoctor({ tenant: 'myshop', clientId, origin: window.location.origin });
 * for (const finding of report.findings) console.log(finding.status, finding.summary, finding.fix ?? '');
 * ```
 */
export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const baseUrl = (options.baseUrl ?? DOCTOR_DEFAULT_BASE_URL).trim();
  const origin = options.origin?.trim() || undefined;
  const findings: DoctorFinding[] = [];
  const report = (lifetimes?: DoctorLifetimes): DoctorReport => ({
    tenant: options.tenant,
    baseUrl,
    origin,
    ok: findings.every((finding) => finding.status !== 'problem'),
    findings,
    ...(lifetimes ? { lifetimes } : {}),
  });

  const settings = checkSettings(options.tenant, options.clientId, baseUrl, origin);
  if (settings.length > 0) {
    findings.push(...settings);
    return report();
  }

  const ask = (request: Parameters<typeof probe>[1]) =>
    probe(options.fetch ?? ((...args) => globalThis.fetch(...args)), request, options.timeoutMs ?? 10_000);
  const root = new URL(baseUrl);
  const url = (path: string, query: Record<string, string> = {}) => {
    const target = new URL(root.origin);
    target.pathname = root.pathname.replace(/\/+$/, '') + path;
    for (const [name, value] of Object.entries(query)) target.searchParams.set(name, value);
    return target;
  };
  const credentials = { tenant: options.tenant, client_id: options.clientId };

  const login = await ask({
    method: 'GET',
    url: url('/customerlogin/auth/anonymous/login', credentials),
    ...(origin ? { headers: { origin } } : {}),
  });
  const token = readAnonymousLogin(login, baseUrl, options.tenant, findings);
  if (!token) {
    if (origin) findings.push({ check: 'cors', status: 'skipped', summary: 'CORS was not checked: the API gave no token.' });
    return report();
  }
  const lifetimes: DoctorLifetimes = {
    anonymousAccess: { tenant: token.expiresIn, reference: REFERENCE_ANONYMOUS.access },
    anonymousRefresh: { tenant: token.refreshTokenExpiresIn, reference: REFERENCE_ANONYMOUS.refresh },
  };
  findings.push(lifetimeFinding(token));

  if (token.refreshToken) {
    const refreshed = await ask({
      method: 'GET',
      url: url('/customerlogin/auth/anonymous/refresh', { ...credentials, refresh_token: token.refreshToken }),
    });
    findings.push(refreshFinding(refreshed, token));
  }

  const profile = await ask({
    method: 'GET',
    url: url(`/customer/${encodeURIComponent(options.tenant)}/me`),
    headers: { authorization: `Bearer ${token.accessToken}` },
  });
  findings.push(customerApiFinding(profile, options.tenant));

  if (origin) {
    const preflight = await ask({
      method: 'OPTIONS',
      url: url(`/customer/${encodeURIComponent(options.tenant)}/login`),
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': PREFLIGHT_HEADERS.join(','),
      },
    });
    findings.push(corsFinding(login, preflight, origin));
  }
  return report(lifetimes);
}

// ---- settings ----------------------------------------------------------------------------------

function checkSettings(tenant: string, clientId: string, baseUrl: string, origin: string | undefined): DoctorFinding[] {
  const problems: DoctorFinding[] = [];
  const problem = (summary: string, fix: string) => problems.push({ check: 'settings', status: 'problem', summary, fix });
  if (!tenantSchema.safeParse(tenant).success) {
    problem(
      `The tenant "${String(tenant)}" is not a tenant name.`,
      'Use the tenant name from the Developer Portal: 3–16 lowercase letters and digits, starting with a letter.',
    );
  }
  if (typeof clientId !== 'string' || clientId.trim() === '') {
    problem('No client id was given.', PORTAL_KEY_HINT);
  }
  if (!isHttpUrl(baseUrl)) {
    problem(`The base URL "${baseUrl}" is not an http(s) URL.`, `Leave it out for ${DOCTOR_DEFAULT_BASE_URL}, or give a full URL.`);
  }
  if (origin !== undefined && !isOrigin(origin)) {
    problem(
      `The origin "${origin}" is not an origin.`,
      'Give the scheme, host and port the shop is served from, without a path, e.g. https://shop.example.com.',
    );
  }
  return problems;
}

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

function isOrigin(value: string): boolean {
  return isHttpUrl(value) && new URL(value).origin === value.replace(/\/$/, '');
}

// ---- anonymous login ---------------------------------------------------------------------------

function unreachable(result: Extract<ProbeResult, { kind: 'unreachable' }>, baseUrl: string): DoctorFinding {
  return {
    check: 'baseUrl',
    status: 'problem',
    summary:
      result.reason === 'timeout'
        ? `${baseUrl} did not answer in time.`
        : `${baseUrl} could not be reached (no answer: name resolution, connection or TLS failed).`,
    fix: `Check the base URL and this machine's network (proxy, firewall, VPN). The Emporix API is ${DOCTOR_DEFAULT_BASE_URL}.`,
  };
}

/** Reads the anonymous login's answer into findings; the token when there is one. */
function readAnonymousLogin(
  result: ProbeResult,
  baseUrl: string,
  tenant: string,
  findings: DoctorFinding[],
): NormalizedToken | undefined {
  if (result.kind === 'unreachable') {
    findings.push(unreachable(result, baseUrl));
    return undefined;
  }
  const { status } = result;
  const refusal = refusalOf(result.json);
  const said = refusal.text ? `: "${refusal.text}"` : '';
  if (status >= 200 && status < 300) {
    try {
      const token = normalizeAnonymousToken(result.json);
      findings.push(
        { check: 'baseUrl', status: 'ok', summary: `${baseUrl} answers like the Emporix API.` },
        { check: 'tenant', status: 'ok', summary: `The tenant "${tenant}" is known.` },
        { check: 'clientId', status: 'ok', summary: 'The client id is accepted: the anonymous login gave a token.' },
      );
      return token;
    } catch {
      findings.push({
        check: 'baseUrl',
        status: 'problem',
        summary: `${baseUrl} answered the anonymous login with ${status}, but not with a token.`,
        fix: `Point the base URL at the Emporix API (${DOCTOR_DEFAULT_BASE_URL}) or at a proxy that forwards to it unchanged.`,
      });
      return undefined;
    }
  }
  if (status !== 404) findings.push({ check: 'baseUrl', status: 'ok', summary: `${baseUrl} answers (${status}).` });
  if (status === 401 && (refusal.code === 'oauth.v2.InvalidApiKey' || /invalid api ?key/i.test(refusal.text ?? ''))) {
    findings.push({
      check: 'clientId',
      status: 'problem',
      summary: `The API gateway refused the client id${said}. It is wrong, revoked, or belongs to another tenant than "${tenant}".`,
      fix: PORTAL_KEY_HINT,
    });
  } else if (status === 401 || status === 403) {
    findings.push({
      check: 'clientId',
      status: 'problem',
      summary: `The anonymous login was refused with ${status}${said}: the client id or the tenant is not accepted.`,
      fix: `${PORTAL_KEY_HINT} Check that the tenant name is the one the key belongs to.`,
    });
  } else if (status === 404) {
    findings.push({
      check: 'baseUrl',
      status: 'problem',
      summary: `${baseUrl} has no Emporix anonymous login (404).`,
      fix: `Use the API origin (${DOCTOR_DEFAULT_BASE_URL}) without a path, or a proxy that forwards every path to it.`,
    });
  } else if (status >= 400 && status < 500) {
    findings.push({
      check: 'tenant',
      status: 'problem',
      summary: `The anonymous login refused the tenant "${tenant}" with ${status}${said}.`,
      fix: 'Use the tenant name exactly as the Developer Portal shows it (lowercase), and the client id of that tenant.',
    });
  } else {
    findings.push({
      check: 'anonymousToken',
      status: 'problem',
      summary: `The anonymous login failed on the server's side (${status}).`,
      fix: 'Try again in a few minutes; if it persists, ask Emporix support.',
    });
  }
  return undefined;
}

function lifetimeFinding(token: NormalizedToken): DoctorFinding {
  const access = `${token.expiresIn} s (reference ${REFERENCE_ANONYMOUS.access} s)`;
  if (!token.refreshToken || token.refreshTokenExpiresIn === undefined) {
    return {
      check: 'anonymousToken',
      status: 'warning',
      summary: `The anonymous token lives ${access}, but came without a refresh token and its lifetime.`,
      fix: 'Without one, every renewal starts a new session (and cart). Check that the base URL reaches the Emporix API unchanged.',
    };
  }
  return {
    check: 'anonymousToken',
    status: 'ok',
    summary: `The anonymous token lives ${access}; its refresh token ${token.refreshTokenExpiresIn} s (reference ${REFERENCE_ANONYMOUS.refresh} s).`,
  };
}

function refreshFinding(result: ProbeResult, before: NormalizedToken): DoctorFinding {
  if (result.kind === 'unreachable') {
    return { check: 'anonymousRefresh', status: 'warning', summary: 'The anonymous refresh got no answer.', fix: 'Run the check again.' };
  }
  let token: NormalizedToken | undefined;
  try {
    if (result.status >= 200 && result.status < 300) token = normalizeAnonymousToken(result.json);
  } catch {
    token = undefined;
  }
  if (!token) {
    return {
      check: 'anonymousRefresh',
      status: 'warning',
      summary: `The anonymous refresh was refused (${result.status}): shoppers would get a new session, and lose their cart, every ${before.expiresIn} s.`,
      fix: 'Check that the client id may refresh anonymous tokens; ask Emporix support if it stays refused.',
    };
  }
  const sameSession = token.sessionId !== undefined && token.sessionId === before.sessionId;
  const rotated = token.refreshToken !== undefined && token.refreshToken !== before.refreshToken;
  const refreshNote = rotated ? 'with a new refresh token (the client stores it)' : 'keeping the refresh token';
  return sameSession
    ? {
        check: 'anonymousRefresh',
        status: 'ok',
        summary: `The anonymous refresh works: same session, a new ${token.expiresIn} s token, ${refreshNote}.`,
      }
    : {
        check: 'anonymousRefresh',
        status: 'warning',
        summary: 'The anonymous refresh gave a token for another session id: carts would not survive a renewal.',
        fix: 'Ask Emporix support why the refresh does not keep the session.',
      };
}

function customerApiFinding(result: ProbeResult, tenant: string): DoctorFinding {
  if (result.kind === 'unreachable') {
    return { check: 'customerApi', status: 'warning', summary: 'The customer profile read got no answer.', fix: 'Run the check again.' };
  }
  if (result.status === 200 && record(result.json)) {
    return {
      check: 'customerApi',
      status: 'ok',
      summary: `The Customer Service of "${tenant}" accepts the anonymous token (GET /me answers the guest profile).`,
    };
  }
  const said = refusalOf(result.json).text;
  return {
    check: 'customerApi',
    status: 'problem',
    summary: `GET /customer/${tenant}/me with the anonymous token answered ${result.status}${said ? `: "${said}"` : ''}.`,
    fix: 'The token does not fit the tenant in the path: use the tenant the client id belongs to.',
  };
}

// ---- CORS --------------------------------------------------------------------------------------

function listHeader(headers: Headers, name: string): string[] {
  return (headers.get(name) ?? '')
    .split(',')
    .map((value) => value.trim().toLowerCase())
    .filter(Boolean);
}

function allowsOrigin(headers: Headers, origin: string): boolean {
  const allowed = headers.get('access-control-allow-origin')?.trim();
  return allowed === '*' || allowed === origin.replace(/\/$/, '');
}

/** The browser's view: the anonymous login's answer must name the origin; a write needs a passing preflight. */
function corsFinding(login: ProbeResult, preflight: ProbeResult, origin: string): DoctorFinding {
  const fix = `Ask Emporix support to allow the origin ${origin} for this tenant's storefront API (CORS), or call the API through your own server (see the proxy session mode).`;
  if (login.kind === 'answer' && !allowsOrigin(login.headers, origin)) {
    return {
      check: 'cors',
      status: 'problem',
      summary: `The API's answers do not allow ${origin}: a browser there cannot read them (no matching Access-Control-Allow-Origin).`,
      fix,
    };
  }
  if (preflight.kind === 'unreachable') {
    return { check: 'cors', status: 'warning', summary: 'The CORS preflight got no answer.', fix: 'Run the check again.' };
  }
  const methods = listHeader(preflight.headers, 'access-control-allow-methods');
  const headers = listHeader(preflight.headers, 'access-control-allow-headers');
  const missing = [
    ...(preflight.status >= 200 && preflight.status < 300 ? [] : [`the preflight answered ${preflight.status}`]),
    ...(allowsOrigin(preflight.headers, origin) ? [] : ['the origin is not allowed']),
    ...(methods.includes('post') || methods.includes('*') ? [] : ['POST is not allowed']),
    // A wildcard does not cover Authorization (Fetch standard): it must be named.
    ...PREFLIGHT_HEADERS.filter((name) => !headers.includes(name) && !(name !== 'authorization' && headers.includes('*'))).map(
      (name) => `the ${name} header is not allowed`,
    ),
  ];
  if (missing.length > 0) {
    return {
      check: 'cors',
      status: 'problem',
      summary: `A browser on ${origin} could read answers but not log in or save: ${missing.join(', ')}.`,
      fix,
    };
  }
  return { check: 'cors', status: 'ok', summary: `Browsers on ${origin} may call the API (answers and preflighted writes).` };
}
