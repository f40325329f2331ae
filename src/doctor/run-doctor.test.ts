/**
 * The tenant check against the simulator (a tenant set up right) and against fakes that answer like a
 * misconfigured one: wrong client id, wrong tenant, an unreachable or foreign host, missing CORS.
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEmporixSimulator, type EmporixSimulatorOptions } from '../testing';
import { formatDoctorReport } from './format-report';
import { runDoctor, type DoctorCheck, type DoctorReport } from './run-doctor';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function simulator(options: EmporixSimulatorOptions = {}) {
  const sim = createEmporixSimulator(options);
  server.use(...sim.handlers);
  return sim;
}

const finding = (report: DoctorReport, check: DoctorCheck) => report.findings.find((f) => f.check === check);
const statuses = (report: DoctorReport) => Object.fromEntries(report.findings.map((f) => [f.check, f.status]));

/** A `fetch` that remembers every token the API handed out, to prove none reaches the report. */
function tokenRecordingFetch() {
  const tokens: string[] = [];
  const recording: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const text = await response.clone().text();
    for (const [, token] of text.matchAll(/"(?:access_token|refresh_token|saas_token)"\s*:\s*"([^"]+)"/g)) tokens.push(token ?? '');
    return response;
  };
  return { fetch: recording, tokens };
}

describe('a tenant set up right (the simulator)', () => {
  it('reports every check as passed, with the lifetimes beside the reference’s', async () => {
    const sim = simulator();
    const report = await runDoctor({ tenant: sim.tenant, clientId: sim.clientId });
    expect(report.ok).toBe(true);
    expect(statuses(report)).toEqual({
      baseUrl: 'ok',
      tenant: 'ok',
      clientId: 'ok',
      anonymousToken: 'ok',
      anonymousRefresh: 'ok',
      customerApi: 'ok',
    });
    expect(report.lifetimes).toEqual({
      anonymousAccess: { tenant: 3599, reference: 3599 },
      anonymousRefresh: { tenant: 86399, reference: 86399 },
    });
    expect(finding(report, 'anonymousRefresh')?.summary).toContain('same session');
    expect(finding(report, 'anonymousRefresh')?.summary).toContain('keeping the refresh token');
  });

  it('only reads: an anonymous login, its refresh and the guest profile, nothing created', async () => {
    const sim = simulator();
    await runDoctor({ tenant: sim.tenant, clientId: sim.clientId });
    expect(sim.requests.map((request) => `${request.operation} ${request.status}`)).toEqual([
      'anonymousLogin 200',
      'anonymousRefresh 200',
      'getCustomer 200',
    ]);
    expect(sim.outbox()).toEqual([]);
  });

  it('reports lifetimes that differ from the reference, and a refresh token that rotates', async () => {
    const sim = simulator({ lifetimes: { anonymousAccess: 600 }, undocumented: { anonymousRefresh: 'rotatesRefreshToken' } });
    const report = await runDoctor({ tenant: sim.tenant, clientId: sim.clientId });
    expect(report.lifetimes?.anonymousAccess).toEqual({ tenant: 600, reference: 3599 });
    expect(finding(report, 'anonymousToken')?.summary).toContain('600 s (reference 3599 s)');
    expect(finding(report, 'anonymousRefresh')?.summary).toContain('with a new refresh token');
  });

  it('never puts a token into the report, in any form', async () => {
    const sim = simulator();
    const { fetch: recording, tokens } = tokenRecordingFetch();
    const report = await runDoctor({ tenant: sim.tenant, clientId: sim.clientId, fetch: recording });
    expect(tokens.length).toBeGreaterThanOrEqual(4);
    const printed = `${JSON.stringify(report)}\n${formatDoctorReport(report)}`;
    for (const token of tokens) expect(printed).not.toContain(token);
  });
});

describe('a misconfigured tenant', () => {
  it('a wrong client id: the gateway’s Invalid ApiKey, with where to find the right one', async () => {
    const sim = simulator();
    const report = await runDoctor({ tenant: sim.tenant, clientId: 'not-the-key' });
    expect(report.ok).toBe(false);
    expect(statuses(report)).toEqual({ baseUrl: 'ok', clientId: 'problem' });
    expect(finding(report, 'clientId')?.summary).toContain('Invalid ApiKey');
    expect(finding(report, 'clientId')?.fix).toContain('Developer Portal');
    expect(sim.requests.map((request) => request.operation)).toEqual(['anonymousLogin']);
  });

  it('a wrong tenant: refused by name (400), or as a key of another tenant (401)', async () => {
    simulator();
    const refused = await runDoctor({ tenant: 'othershop', clientId: 'demo-client-id' });
    expect(statuses(refused)).toEqual({ baseUrl: 'ok', tenant: 'problem' });
    expect(finding(refused, 'tenant')?.summary).toContain('"othershop"');
    expect(finding(refused, 'tenant')?.summary).toContain('400');

    server.resetHandlers();
    simulator({ undocumented: { unknownTenant: 'invalidApiKey401' } });
    const asKey = await runDoctor({ tenant: 'othershop', clientId: 'demo-client-id' });
    expect(statuses(asKey)).toEqual({ baseUrl: 'ok', clientId: 'problem' });
    expect(finding(asKey, 'clientId')?.summary).toContain('another tenant than "othershop"');
  });

  it('another 4xx or a 5xx from the anonymous login', async () => {
    server.use(http.get('https://api.emporix.io/customerlogin/auth/anonymous/login', () => new HttpResponse(null, { status: 403 })));
    expect(statuses(await runDoctor({ tenant: 'demoshop', clientId: 'k' }))).toEqual({ baseUrl: 'ok', clientId: 'problem' });
    server.use(http.get('https://api.emporix.io/customerlogin/auth/anonymous/login', () => new HttpResponse(null, { status: 503 })));
    const down = await runDoctor({ tenant: 'demoshop', clientId: 'k' });
    expect(finding(down, 'anonymousToken')).toMatchObject({ status: 'problem', fix: expect.stringContaining('Try again') });
  });

  it('an unreachable host, and one that does not answer in time', async () => {
    const failing = vi.fn<typeof fetch>(() => Promise.reject(new TypeError('fetch failed')));
    const report = await runDoctor({ tenant: 'demoshop', clientId: 'k', baseUrl: 'https://api.emporix.invalid', fetch: failing });
    expect(statuses(report)).toEqual({ baseUrl: 'problem' });
    expect(finding(report, 'baseUrl')?.summary).toBe(
      'https://api.emporix.invalid could not be reached (no answer: name resolution, connection or TLS failed).',
    );
    expect(failing).toHaveBeenCalledTimes(1);

    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const slow = await runDoctor({ tenant: 'demoshop', clientId: 'k', fetch: hanging, timeoutMs: 20 });
    expect(finding(slow, 'baseUrl')?.summary).toContain('did not answer in time');
  });

  it('a base URL that is not the Emporix API: a 404 page, or a 200 that is no token', async () => {
    server.use(http.get('https://shop.example/customerlogin/auth/anonymous/login', () => HttpResponse.html('<h1>Not found</h1>', { status: 404 })));
    const missing = await runDoctor({ tenant: 'demoshop', clientId: 'k', baseUrl: 'https://shop.example' });
    expect(finding(missing, 'baseUrl')).toMatchObject({ status: 'problem', summary: expect.stringContaining('404') });

    server.use(http.get('https://shop.example/customerlogin/auth/anonymous/login', () => HttpResponse.html('<h1>Shop</h1>')));
    const page = await runDoctor({ tenant: 'demoshop', clientId: 'k', baseUrl: 'https://shop.example' });
    expect(finding(page, 'baseUrl')).toMatchObject({ status: 'problem', summary: expect.stringContaining('not with a token') });
  });

  it('settings that cannot work are reported without sending anything', async () => {
    const spy = vi.fn<typeof fetch>();
    const report = await runDoctor({
      tenant: 'My Shop',
      clientId: ' ',
      baseUrl: 'ftp://api.emporix.io',
      origin: 'https://shop.example.com/account',
      fetch: spy,
    });
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => [f.check, f.status])).toEqual([
      ['settings', 'problem'],
      ['settings', 'problem'],
      ['settings', 'problem'],
      ['settings', 'problem'],
    ]);
    expect(report.findings.every((f) => f.fix)).toBe(true);
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('CORS for the shop’s origin', () => {
  const ORIGIN = 'https://shop.example.com';
  const BASE = 'https://api.emporix.io';
  const token = { token_type: 'Bearer', access_token: 'a'.repeat(28), expires_in: 3599, refresh_token: 'r'.repeat(32), refresh_token_expires_in: 86399, sessionId: '6d4d4d5e-04b9-40c5-9074-4df1405c6081' };

  /** A tenant that answers like the live API, with the CORS headers given. */
  function tenantWithCors(cors: { allowOrigin?: string; preflight?: Record<string, string>; preflightStatus?: number }) {
    const headers = cors.allowOrigin ? { 'access-control-allow-origin': cors.allowOrigin } : undefined;
    server.use(
      http.get(`${BASE}/customerlogin/auth/anonymous/login`, () => HttpResponse.json(token, { headers })),
      http.get(`${BASE}/customerlogin/auth/anonymous/refresh`, () => HttpResponse.json(token, { headers })),
      http.get(`${BASE}/customer/demoshop/me`, () => HttpResponse.json({ id: '00000000' }, { headers })),
      http.options(`${BASE}/customer/demoshop/login`, ({ request }) => {
        expect(request.headers.get('origin')).toBe(ORIGIN);
        expect(request.headers.get('access-control-request-method')).toBe('POST');
        expect(request.headers.get('access-control-request-headers')).toBe('authorization,content-type');
        return new HttpResponse(null, { status: cors.preflightStatus ?? 204, headers: cors.preflight ?? {} });
      }),
    );
  }

  const allowing = {
    'access-control-allow-origin': ORIGIN,
    'access-control-allow-methods': 'GET, POST, PATCH, DELETE',
    'access-control-allow-headers': 'Authorization, Content-Type, session-id',
  };

  it('passes when answers and the preflight allow the origin, the method and the headers', async () => {
    tenantWithCors({ allowOrigin: '*', preflight: allowing });
    const report = await runDoctor({ tenant: 'demoshop', clientId: 'k', origin: ORIGIN });
    expect(finding(report, 'cors')).toMatchObject({ status: 'ok' });
    expect(report.ok).toBe(true);
  });

  it('fails when the answers carry no Access-Control-Allow-Origin for the origin', async () => {
    tenantWithCors({ preflight: allowing });
    const report = await runDoctor({ tenant: 'demoshop', clientId: 'k', origin: ORIGIN });
    expect(finding(report, 'cors')).toMatchObject({ status: 'problem', summary: expect.stringContaining('cannot read them') });
    expect(finding(report, 'cors')?.fix).toContain(ORIGIN);
  });

  it('fails when the preflight leaves out Authorization (a wildcard does not cover it) or is refused', async () => {
    tenantWithCors({ allowOrigin: ORIGIN, preflight: { ...allowing, 'access-control-allow-headers': '*' } });
    const wildcard = await runDoctor({ tenant: 'demoshop', clientId: 'k', origin: ORIGIN });
    expect(finding(wildcard, 'cors')?.summary).toContain('the authorization header is not allowed');
    expect(finding(wildcard, 'cors')?.summary).not.toContain('content-type');

    server.resetHandlers();
    tenantWithCors({ allowOrigin: ORIGIN, preflightStatus: 403 });
    const refused = await runDoctor({ tenant: 'demoshop', clientId: 'k', origin: ORIGIN });
    expect(finding(refused, 'cors')?.summary).toMatch(/the preflight answered 403, the origin is not allowed, POST is not allowed/);
  });

  it('is skipped when no token came, and not checked without an origin', async () => {
    const sim = simulator();
    const refused = await runDoctor({ tenant: sim.tenant, clientId: 'not-the-key', origin: ORIGIN });
    expect(finding(refused, 'cors')?.status).toBe('skipped');
    const plain = await runDoctor({ tenant: sim.tenant, clientId: sim.clientId });
    expect(finding(plain, 'cors')).toBeUndefined();
  });
});
