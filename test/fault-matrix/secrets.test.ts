/**
 * Fault matrix rows 17 and 18: secrets stay secret. No token, password or mailed token reaches an
 * error, the console or the session state; tokens travel in URLs only where the API forces them, and
 * nothing goes anywhere but the configured API.
 */
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionEvent } from '../../src/api';
import { createEmporixSimulator } from '../../src/testing';
import {
  errorText,
  runEveryOperation,
  server,
  simulatorDefaults,
  uniqueTenant,
  setupTenant,
  walkPasswords,
} from './support';

const setup = setupTenant();
const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };
const passwords = [jane.password, ...walkPasswords, 'wrong-password-42', 'echoed-password-7'];

let consoleOutput: unknown[][] = [];
beforeEach(() => {
  consoleOutput = [];
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleOutput.push(args));
  }
});
afterEach(() => {
  vi.restoreAllMocks();
});

function leaked(text: string, secrets: readonly string[]): string[] {
  return secrets.filter((secret) => text.includes(secret));
}

describe('17 · no secret in errors, console output or session state', () => {
  it('17 · every failure path of a session yields errors without a secret', async () => {
    const sim = setup.sim();
    const client = setup.client();
    const errors: unknown[] = [];
    const states: unknown[] = [];
    const events: SessionEvent[] = [];
    client.session.subscribe(() => states.push(client.session.getState()));
    client.session.on((event) => events.push(event));
    const fail = (promise: Promise<unknown>) => promise.then(() => errors.push('resolved unexpectedly'), (e: unknown) => errors.push(e));

    sim.setDoubleOptIn(true);
    await fail(client.login({ email: jane.email, password: 'wrong-password-42' }));
    await client.signup({ email: 'pending@example.com', password: walkPasswords[0] });
    await fail(client.signup({ email: 'pending@example.com', password: walkPasswords[0] })); // 409
    const activation = sim.lastMail('activation')?.token ?? '';
    await fail(client.confirmSignup(`${activation}x`)); // unknown token, in the path
    sim.failNext({ with: 'network', match: { path: '/signup/optin/' } });
    await fail(client.confirmSignup(activation)); // network error on a URL holding the token
    await client.confirmSignup(activation);
    await fail(client.confirmSignup(activation)); // used twice
    await client.logout();
    await client.requestPasswordReset({ email: jane.email });
    const reset = sim.lastMail('passwordReset')?.token ?? '';
    await client.resetPassword({ token: reset, password: walkPasswords[1] });
    await fail(client.resetPassword({ token: reset, password: walkPasswords[2] })); // used twice
    await fail(client.exchangeToken({ subjectAccessToken: 'not-a-subject-token-of-this-idp' }));
    await fail(client.socialLogin({ code: 'a-code-nobody-issued', redirectUri: 'https://shop.example.com/cb' }));
    await client.login({ email: jane.email, password: walkPasswords[1] });
    await fail(client.changePassword({ currentPassword: 'wrong-password-42', newPassword: walkPasswords[2] }));
    await fail(
      client.requestEmailChange({ email: jane.email, password: 'wrong-password-42', newEmail: 'x@example.com', syncContactEmail: false }),
    );
    // A server that echoes what it was sent.
    server.use(
      http.post(`${sim.baseUrl}/customer/${sim.tenant}/password/change`, async ({ request }) => {
        const body = await request.text();
        return HttpResponse.json(
          { status: 400, type: 'bad_request', message: `Rejected ${body} with ${request.headers.get('authorization')}`, details: [{ field: 'newPassword', message: body }] },
          { status: 400 },
        );
      }),
    );
    await fail(client.changePassword({ currentPassword: walkPasswords[1], newPassword: 'echoed-password-7' }));
    sim.failNext({ with: 'malformed', match: { path: '/refreshauthtoken' } });
    await fail(client.refreshCustomerToken());
    sim.revokeRefreshTokens('customer');
    await fail(client.refreshCustomerToken()); // ends the session: session_expired with its cause

    const secrets = setup.secrets([...passwords, activation, reset]);
    expect(secrets.length).toBeGreaterThan(10);
    expect(errors.map((e) => (e as { type?: string }).type)).toEqual([
      'invalid_credentials',
      'conflict_resource',
      'mailed_token_refused',
      'network_error',
      'mailed_token_refused',
      'mailed_token_refused',
      'social_login_failed',
      'social_login_failed',
      'invalid_credentials',
      'invalid_credentials',
      'bad_request',
      'malformed_response',
      'session_expired',
    ]);
    for (const error of errors) expect(leaked(errorText(error), secrets)).toEqual([]);
    expect(leaked(JSON.stringify([states, events, client.session.getState()]), secrets)).toEqual([]);
    expect(leaked(JSON.stringify(consoleOutput.map((args) => args.map(String))), secrets)).toEqual([]);
  });

  it('17 · a redacted URL still names the operation: secrets only become [redacted]', async () => {
    const client = setup.client();
    setup.sim().failNext({ with: 503, match: { path: '/signup/optin/' } });
    const error = (await client.confirmSignup('mailed-token-123456').catch((e: unknown) => e)) as { url: string };
    expect(error.url).toBe(`${setup.sim().baseUrl}/customer/${setup.sim().tenant}/signup/optin/redacted`);
  });

  it('17 · the state a UI sees holds no token after a whole storefront journey', async () => {
    const client = setup.client();
    const seen: string[] = [];
    client.session.subscribe(() => seen.push(JSON.stringify(client.session.getState())));
    await runEveryOperation(client, setup.sim());
    expect(seen.length).toBeGreaterThan(5);
    expect(leaked(seen.join('\n'), setup.secrets(passwords))).toEqual([]);
    expect(consoleOutput).toEqual([]);
  });
});

describe('18 · where requests go, and where tokens travel', () => {
  /** The query parameters (per path end) through which the API forces a secret into the URL. */
  const allowed: [RegExp, string][] = [
    [/\/customerlogin\/auth\/anonymous\/refresh$/, 'refresh_token'],
    [/\/refreshauthtoken$/, 'refreshToken'],
    [/\/logout$/, 'accessToken'],
    [/\/exchangeauthtoken$/, 'subjectAccessToken'],
    [/\/socialLogin$/, 'code'],
    [/\/socialLogin$/, 'code_verifier'],
  ];

  it('18 · over all 25 operations, secrets appear in URLs only where the API forces them', async () => {
    const client = setup.client();
    await runEveryOperation(client, setup.sim());
    const secrets = setup.secrets(passwords);

    const carriers = new Set<string>();
    for (const entry of setup.wire()) {
      const url = new URL(entry.url);
      for (const [path, name] of allowed) {
        if (path.test(url.pathname) && url.searchParams.has(name)) {
          carriers.add(name);
          url.searchParams.delete(name);
        }
      }
      url.pathname = url.pathname.replace(/(\/signup\/optin\/)(?!refresh_token$)[^/]+$/, '$1TOKEN');
      expect(leaked(url.toString(), secrets), entry.url.pathname).toEqual([]);
    }
    expect([...carriers].sort()).toEqual(['accessToken', 'code', 'code_verifier', 'refreshToken', 'refresh_token', 'subjectAccessToken']);
  });

  it('18 · every request goes to the configured origin', async () => {
    const client = setup.client();
    await runEveryOperation(client, setup.sim());
    const origins = new Set(setup.wire().map((entry) => entry.url.origin));
    expect([...origins]).toEqual([new URL(setup.sim().baseUrl).origin]);
    expect(setup.wire().length).toBeGreaterThanOrEqual(25);
  });

  it('18 · a baseUrl with a path (an API behind a proxy) keeps every request below it', async () => {
    const proxied = createEmporixSimulator({ tenant: uniqueTenant(), baseUrl: 'https://shop.example.com/api/emporix/' });
    server.use(...proxied.handlers);
    const client = setup.client({ tenant: proxied.tenant, baseUrl: 'https://shop.example.com/api/emporix/' });

    await client.login(jane);
    await client.getCustomer();

    expect(setup.wire()).toHaveLength(3);
    for (const entry of setup.wire()) expect(entry.url.href).toMatch(/^https:\/\/shop\.example\.com\/api\/emporix\/customer/);
    expect(setup.wire()[0]?.url.pathname).toBe('/api/emporix/customerlogin/auth/anonymous/login');
  });

  it('18 · ids that would climb the path are refused before anything is sent', async () => {
    const client = setup.client();
    await client.login(jane);
    const sent = setup.wire().length;
    for (const id of ['..', '.', '']) {
      await expect(client.deleteAddress(id)).rejects.toMatchObject({ type: 'invalid_argument' });
      await expect(client.getAddress(id)).rejects.toMatchObject({ type: 'invalid_argument' });
    }
    await expect(client.confirmSignup('..')).rejects.toMatchObject({ type: 'invalid_argument' });
    expect(setup.wire()).toHaveLength(sent);
    await client.getAddress('a/b').catch(() => undefined);
    expect(setup.wire().at(-1)?.url.pathname).toBe(`/customer/${setup.sim().tenant}/me/addresses/a%2Fb`);
  });
});
