/**
 * Regressions of the identity review, request side (findings 5–9, 12): settings that cannot work, secrets
 * echoed deep in a body, 401s that are about credentials, requests that spend a single-use token, logout
 * with an expired token, and social login — each checked where a shopper or a developer would notice.
 */
import { act, render, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createCustomerClient, EmporixError, type CustomerClientOptions } from '../../src/api';
import { ConfirmSignup } from '../../src/components/confirm-signup';
import { useCompleteSocialLogin } from '../../src/hooks/use-complete-social-login';
import { createTestQueryClient, Providers, renderCustomerHook } from '../harness';
import { errorText, server, setupTenant, simulatorDefaults } from '../fault-matrix/support';
import { loseAnswer } from './gates';

const setup = setupTenant();
const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };
const base = () => `${setup.sim().baseUrl}/customer/${setup.sim().tenant}`;

describe('finding 5 · configuration is checked when the client is made', () => {
  const valid = { tenant: 'myshop', clientId: 'storefront-key' };
  const cases: [string, Partial<CustomerClientOptions> & Record<string, unknown>][] = [
    ['refreshMarginSeconds', { refreshMarginSeconds: Number(undefined) }],
    ['refreshMarginSeconds', { refreshMarginSeconds: Infinity }],
    ['refreshMarginSeconds', { refreshMarginSeconds: -5 }],
    ['refreshMarginSeconds', { refreshMarginSeconds: 10 ** 9 }],
    ['baseUrl', { baseUrl: '/api/emporix' }],
    ['baseUrl', { baseUrl: 'http://api.emporix.io' }],
    ['baseUrl', { baseUrl: 'javascript:alert(1)' }],
    ['retry.retries', { retry: { retries: Number.NaN, delay: () => 0 } }],
    ['retry.retries', { retry: { retries: 2.5, delay: () => 0 } }],
    ['persistence', { persistence: 'cookie' as never }],
    ['sessionContext.currency', { sessionContext: { currency: 42 as never } }],
    ['sessionContext.site', { sessionContext: { site: 'main' } as never }],
    ['tenant', { tenant: 'My Shop' }],
    ['clientId', { clientId: '' }],
    ['fetch', { fetch: 'window.fetch' as never }],
  ];

  it.each(cases)('%s: %j is refused with invalid_config naming the option, before anything is sent', (option, wrong) => {
    const error = (() => {
      try {
        createCustomerClient({ ...valid, ...wrong });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(EmporixError);
    expect(error).toMatchObject({ type: 'invalid_config' });
    expect((error as Error).message.startsWith(`${option} `)).toBe(true);
    expect(setup.wire()).toEqual([]);
  });

  it.each(['http://localhost:8080', 'http://127.0.0.1:3000/api', 'http://shop.localhost', 'https://api.emporix.io'])(
    'accepts %s',
    (baseUrl) => {
      const client = createCustomerClient({ ...valid, baseUrl, refreshMarginSeconds: 0, retry: { retries: 0, delay: () => 0 } });
      expect(client.session.getState().status).toBe('anonymous');
      client.dispose();
    },
  );
});

describe('finding 6 · secrets are scrubbed at any depth of an echoed body', () => {
  it("a server echoing a signup's nested password: neither password reaches message, details or the error's JSON", async () => {
    const outer = 'outer-secret-1';
    const nested = 'nested "secret" \\ 2';
    server.use(
      http.post(`${base()}/signup`, async ({ request }) => {
        const body = await request.text();
        return HttpResponse.json(
          {
            status: 400,
            type: 'validation_failure',
            message: `Cannot sign up with ${body}`,
            details: [{ field: 'signup.password', message: body, type: `bad ${nested}` }],
          },
          { status: 400 },
        );
      }),
    );
    const client = setup.client();

    const error = await client
      .signup({ email: 'new@example.com', password: outer, signup: { email: 'new@example.com', password: nested } })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 400, type: 'validation_failure' });
    const text = errorText(error);
    expect(text).toContain('[redacted]');
    for (const secret of [outer, nested, JSON.stringify(nested).slice(1, -1)]) expect(text).not.toContain(secret);
  });
});

describe('finding 7 · a 401 about credentials is not replayed with a renewed token', () => {
  const credentialCalls: [string, RegExp, (client: ReturnType<typeof setup.client>) => Promise<unknown>, boolean][] = [
    ['exchangeToken', /\/exchangeauthtoken$/, (c) => c.exchangeToken({ subjectAccessToken: 'external-subject-token' }), false],
    ['signup', /\/signup$/, (c) => c.signup({ email: 'new@example.com', password: 'signup-secret-1' }), false],
    ['resetPassword', /\/password\/reset\/update$/, (c) => c.resetPassword({ token: 'mailed-reset-token', password: 'new-secret-3' }), false],
    ['confirmEmailChange', /\/email\/change\/confirm$/, (c) => c.confirmEmailChange({ token: 'mailed-change-token' }), false],
    ['changePassword', /\/password\/change$/, (c) => c.changePassword({ currentPassword: jane.password, newPassword: 'n-secret-4' }), true],
    [
      'requestEmailChange',
      /\/email\/change$/,
      (c) => c.requestEmailChange({ email: jane.email, password: jane.password, newEmail: 'x@example.com', syncContactEmail: false }),
      true,
    ],
  ];

  it.each(credentialCalls)('%s answered 401 without a token fault: sent once, nothing renewed', async (_, path, send, asCustomer) => {
    const client = setup.client();
    if (asCustomer) await client.login(jane);
    else await client.session.ensureAnonymous();
    setup.sim().failNext({ with: 'empty401', match: { path } });
    const renewals = () => setup.sim().requests.filter((r) => /Refresh|refresh/.test(r.operation)).length;
    const before = renewals();

    await expect(send(client)).rejects.toMatchObject({ status: 401 });

    expect(setup.wire().filter((entry) => path.test(entry.url.pathname))).toHaveLength(1);
    expect(renewals()).toBe(before);
  });

  it('a 401 whose gateway code says the access token expired is renewed and replayed once', async () => {
    const client = setup.client();
    await client.login(jane);
    setup.sim().expireTokens('customer');

    await client.changePassword({ currentPassword: jane.password, newPassword: 'n-secret-5' });

    expect(setup.sim().requests.filter((r) => r.operation === 'changePassword').map((r) => r.status)).toEqual([401, 204]);
  });
});

describe('finding 8 · a single-use link is sent once; an unknown outcome is told as such', () => {
  it('confirm-signup whose answer is lost (504): not sent again, the shopper is told to try logging in, and can', async () => {
    const sim = setup.sim();
    sim.setDoubleOptIn(true);
    const shopper = { email: 'new.shopper@example.com', password: 'new-secret-6' };
    await setup.client().signup({ ...shopper, customerDetails: { firstName: 'New' } });
    const token = sim.lastMail('activation', shopper.email)?.token ?? '';
    const client = setup.client({
      fetch: loseAnswer('GET', /\/signup\/optin\//, 504, setup.fetch),
      retry: { retries: 3, delay: () => 1 },
    });

    render(
      <Providers client={client} queryClient={createTestQueryClient()}>
        <ConfirmSignup token={token} />
      </Providers>,
    );

    expect(await screen.findByRole('alert')).toHaveTextContent(/could not tell whether your account was activated.*try logging in/i);
    expect(screen.queryByText(/invalid or has expired/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    expect(sim.requestCount('confirmSignup')).toBe(1);
    expect(sim.getCustomer(shopper.email)?.activated).toBe(true);
    await expect(setup.client().login(shopper)).resolves.toEqual({ initialPassword: false });
  });

  it('the client reports that outcome: outcomeUnknown on the error, one request', async () => {
    setup.sim().setDoubleOptIn(true);
    await setup.client().signup({ email: 'other@example.com', password: 'other-secret-7' });
    const token = setup.sim().lastMail('activation')?.token ?? '';
    const client = setup.client({ fetch: loseAnswer('GET', /\/signup\/optin\//, 504, setup.fetch), retry: { retries: 3, delay: () => 1 } });

    await expect(client.confirmSignup(token)).rejects.toMatchObject({ status: 504, outcomeUnknown: true });
    expect(setup.sim().requestCount('confirmSignup')).toBe(1);
  });
});

// Finding 9 (logout with an expired access token left the grant alive) is pinned where logout is tested:
// test/fault-matrix/logout.test.ts, "9 · logout ends the grant on the server".

describe('finding 12 · social login', () => {
  const redirectUri = 'https://shop.example.com/auth/callback';

  it.each([
    ['authorizeUrl', { authorizeUrl: 'javascript:alert(document.cookie)', redirectUri }],
    ['authorizeUrl', { authorizeUrl: 'http://idp.example.com/authorize', redirectUri }],
    ['redirectUri', { authorizeUrl: 'https://idp.example.com/authorize', redirectUri: 'http://shop.example.com/cb' }],
    ['redirectUri', { authorizeUrl: 'https://idp.example.com/authorize', redirectUri: 'data:text/html,hi' }],
  ])('beginSocialLogin refuses an unsafe %s (%j) and keeps nothing', async (option, urls) => {
    const client = setup.client();
    const error = await client.beginSocialLogin({ clientId: 'shop', ...urls }).catch((e: unknown) => e);
    expect(error).toMatchObject({ type: 'invalid_config' });
    expect((error as Error).message.startsWith(`${option} `)).toBe(true);
    expect(Object.keys(sessionStorage)).toEqual([]);
  });

  it('beginSocialLogin accepts http on localhost, for development', async () => {
    const client = setup.client();
    const url = await client.beginSocialLogin({
      authorizeUrl: 'http://localhost:9000/authorize',
      clientId: 'shop',
      redirectUri: 'http://localhost:5173/callback',
    });
    expect(new URL(url).origin).toBe('http://localhost:9000');
  });

  it('completeSocialLogin with a callback that cannot be parsed rejects with an EmporixError (never throws)', async () => {
    const client = setup.client();
    let completion: Promise<unknown> | undefined;
    expect(() => {
      completion = client.completeSocialLogin('http://[not-a-host/callback?code=x&state=y');
    }).not.toThrow();
    await expect(completion).rejects.toBeInstanceOf(EmporixError);
    await expect(completion).rejects.toMatchObject({ type: 'invalid_state' });
  });

  it('useCompleteSocialLogin: the app passes the page URL; the state is checked, the customer logged in, no code kept', async () => {
    const client = setup.client();
    const authorize = new URL(
      await client.beginSocialLogin({ authorizeUrl: 'https://idp.example.com/authorize', clientId: 'shop', redirectUri }),
    );
    const code = setup.sim().issueSocialCode('social@example.com', {
      redirectUri,
      codeChallenge: authorize.searchParams.get('code_challenge') ?? '',
    });
    const callback = `${redirectUri}?code=${code}&state=${encodeURIComponent(authorize.searchParams.get('state') ?? '')}`;
    const { result } = renderCustomerHook(() => useCompleteSocialLogin(), { client });

    act(() => result.current.mutate(callback));

    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(client.session.getState().status).toBe('customer');
    expect(result.current.variables).toBeUndefined();
    expect(JSON.stringify(result.current)).not.toContain(code);

    act(() => result.current.mutate(callback)); // the same callback again (a reload of the page)
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ type: 'invalid_state' });
    expect(setup.sim().requestCount('socialLogin')).toBe(1);
  });
});
