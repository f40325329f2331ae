/**
 * The API's refusals and failures, as the proxy passes them on: in the shapes the browser client already
 * reads (`ErrorMessage`, the gateway's 401 `fault`), with transient failures still transient, and with
 * nothing secret in them — also when the API echoes a password or token back, at any depth.
 */
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { errorFromResponse } from '../../src/api/transport';
import { UNDOCUMENTED_CHOICES, UNDOCUMENTED_ERRORCODE } from '../../src/testing';
import { server, setupProxy, simulatorDefaults, type Browser, type ProxyAnswer } from './support';

const setup = setupProxy();
const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };

/** The error the browser client makes of a proxy answer. */
const asClientError = (answer: ProxyAnswer) => errorFromResponse(answer.status, answer.text, 'op', 'https://shop.example/x');

async function loggedIn(): Promise<Browser> {
  const browser = setup.browser();
  expect((await browser.send('POST', setup.tenantPath('/login'), { body: jane })).status).toBe(200);
  return browser;
}

describe('API errors through the proxy', () => {
  it('a 400 keeps its type and field details; a 409 its conflict type', async () => {
    const browser = setup.browser();
    const invalid = await browser.send('POST', setup.tenantPath('/signup'), { body: { email: 'not-an-email', password: 'long-enough' } });
    expect(invalid.status).toBe(400);
    expect(invalid.json).toMatchObject({ status: 400, type: 'validation_failure', details: [expect.objectContaining({ field: 'email' })] });
    expect(asClientError(invalid)).toMatchObject({ status: 400, type: 'validation_failure' });

    const duplicate = await browser.send('POST', setup.tenantPath('/signup'), { body: { ...jane, password: 'other-pass' } });
    expect(duplicate.status).toBe(409);
    expect(asClientError(duplicate)).toMatchObject({ status: 409, type: 'conflict_resource' });
  });

  // How the live API refuses a login is undocumented: each candidate keeps its status (and code) through the proxy.
  it.each(UNDOCUMENTED_CHOICES.loginRefused)('a refused login (%s) keeps its status, and sets no cookie of a customer', async (shape) => {
    setup.sim().setUndocumented({ loginRefused: shape });
    const browser = setup.browser();
    const answer = await browser.send('POST', setup.tenantPath('/login'), { body: { ...jane, password: 'wrong-pass' } });
    const status = shape === 'error400' ? 400 : 401;
    expect(answer.status).toBe(status);
    expect(asClientError(answer)).toMatchObject({ status });
    if (status === 401) expect(answer.json).toEqual({ fault: { faultstring: expect.any(String), detail: expect.any(Object) } });
    if (shape === 'fault401') expect(asClientError(answer).code).toBe(UNDOCUMENTED_ERRORCODE);
    expect(browser.cookie('customer')).toBeUndefined();
  });

  it('an empty or HTML 401 becomes a fault body the client reads by status', async () => {
    const browser = await loggedIn();
    for (const fault of ['empty401', 'html401'] as const) {
      setup.sim().failNext({ with: fault, match: { path: '/me/addresses' } });
      const answer = await browser.send('GET', setup.tenantPath('/me/addresses'));
      expect(answer.status).toBe(401);
      expect(answer.json.fault.faultstring).toEqual(expect.any(String));
      expect(asClientError(answer)).toMatchObject({ status: 401, type: 'unauthorized' });
    }
  });

  it('transient failures stay transient: 503, 429 with Retry-After, a dropped connection (502), a timeout (504)', async () => {
    const browser = await loggedIn();
    setup.sim().failNext({ with: 503, match: { path: '/me' } });
    const unavailable = await browser.send('GET', setup.tenantPath('/me'));
    expect(unavailable.status).toBe(503);
    expect(asClientError(unavailable).isTransient).toBe(true);

    setup.sim().failNext({ with: 429, match: { path: '/me' } });
    const throttled = await browser.send('GET', setup.tenantPath('/me'));
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('1');

    setup.sim().failNext({ with: 'network', match: { path: '/me' } });
    const dropped = await browser.send('GET', setup.tenantPath('/me'));
    expect(dropped.status).toBe(502);
    expect(dropped.json.type).toBe('network_error');

    const slow = setup.browser(undefined, setup.createProxy({ timeoutMs: 30 }));
    setup.sim().setLatency(300);
    const timedOut = await slow.send('GET', '/customerlogin/auth/anonymous/login');
    expect(timedOut.status).toBe(504);
    expect(timedOut.json.type).toBe('timeout');
  });

  it('a token answer that is not what the API promises is a 502 and sets no cookie', async () => {
    const browser = setup.browser();
    await browser.send('GET', '/customerlogin/auth/anonymous/login');
    setup.sim().failNext({ with: 'malformed', match: { path: '/login' } });
    const answer = await browser.send('POST', setup.tenantPath('/login'), { body: jane });
    expect(answer.status).toBe(502);
    expect(answer.json.type).toBe('malformed_response');
    expect(answer.setCookies).toEqual([]);
  });
});

describe('secrets the API echoes', () => {
  it('are scrubbed from error messages and details, at any depth', async () => {
    const browser = setup.browser();
    const password = 'my-very-secret-password';
    server.use(
      http.post(`${setup.sim().baseUrl}/customer/:tenant/login`, () =>
        HttpResponse.json(
          {
            status: 400,
            type: `bad_${password}`,
            message: `Password ${password} rejected`,
            details: [{ field: 'password', type: 'invalid', message: `value ${password} too weak` }],
          },
          { status: 400 },
        ),
      ),
    );
    const answer = await browser.send('POST', setup.tenantPath('/login'), { body: { email: jane.email, password } });
    expect(answer.status).toBe(400);
    expect(answer.text).not.toContain(password);
    expect(answer.json.message).toBe('Password [redacted] rejected');
  });

  it('are scrubbed from success bodies, keys and nested values included', async () => {
    const browser = await loggedIn();
    const customerToken = browser.cookie('customer')!.value;
    const anonymousToken = browser.cookie('anon')!.value;
    server.use(
      http.get(`${setup.sim().baseUrl}/customer/:tenant/me`, () =>
        HttpResponse.json({
          id: 'c1',
          debug: { echo: [`Bearer ${customerToken}`, { deeper: anonymousToken }], [customerToken]: true },
        }),
      ),
    );
    const answer = await browser.send('GET', setup.tenantPath('/me'));
    expect(answer.status).toBe(200);
    expect(answer.text).not.toContain(customerToken);
    expect(answer.text).not.toContain(anonymousToken);
    expect(answer.json.debug.echo[0]).toBe('Bearer [redacted]');
  });

  it('the subject token a token exchange echoes, and the social login tokens, never reach the browser', async () => {
    const browser = setup.browser();
    const subject = setup.sim().issueSubjectToken('external@example.com');
    const exchanged = await browser.send('POST', setup.tenantPath('/exchangeauthtoken'), { query: { subjectAccessToken: subject } });
    expect(exchanged.status).toBe(200);
    expect(exchanged.text).not.toContain(subject);
    expect(Object.keys(exchanged.json)).not.toContain('subject_access_token');

    const code = setup.sim().issueSocialCode('social@example.com');
    const social = await browser.send('POST', setup.tenantPath('/socialLogin'), {
      query: { code, redirect_uri: 'https://shop.example/cb' },
    });
    expect(social.status).toBe(200);
    expect(Object.keys(social.json).sort()).toEqual(
      ['customerId', 'expires_in', 'loginId', 'refresh_token_expires_in', 'scope', 'session_idle_time', 'token_type'].sort(),
    );
  });

  it('the opt-in token in the path is scrubbed from an echoing refusal', async () => {
    const browser = setup.browser();
    const token = 'optin-token-1234567890';
    server.use(
      http.get(`${setup.sim().baseUrl}/customer/:tenant/signup/optin/:token`, ({ params }) =>
        HttpResponse.json({ status: 400, type: 'invalid_token', message: `Token ${String(params.token)} is unknown.` }, { status: 400 }),
      ),
    );
    const answer = await browser.send('GET', setup.tenantPath(`/signup/optin/${token}`));
    expect(answer.status).toBe(400);
    expect(answer.text).not.toContain(token);
  });
});
