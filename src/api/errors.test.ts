/**
 * Every way a response can go wrong becomes one `EmporixError` an app can read: API error bodies with
 * their details, gateway faults, bodies that are not JSON or not the promised shape, and no answer.
 */
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { EmporixError, redactUrl } from './errors';
import { server, simulatorDefaults, setupTenant } from '../../test/fault-matrix/support';

const setup = setupTenant();
const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };
const me = () => `${setup.sim().baseUrl}/customer/${setup.sim().tenant}/me`;

async function failure(promise: Promise<unknown>): Promise<EmporixError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EmporixError);
  return error as EmporixError;
}

describe('API error bodies', () => {
  it('an ErrorMessage keeps status, type, message and field details', async () => {
    const client = setup.client();
    await client.signup({ email: 'ada@example.com', password: 'ada-secret-1' });
    const error = await failure(client.signup({ email: 'ada@example.com', password: 'ada-secret-1' }));
    expect(error).toMatchObject({ status: 409, type: 'conflict_resource', operation: 'signup' });
    expect(error.message).toContain('Duplicate account');

    const invalid = await failure(client.signup({ email: '', password: '1' }));
    expect(invalid).toMatchObject({ status: 400, type: 'validation_failure' });
    expect(invalid.details.map((detail) => detail.field)).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('a gateway fault keeps its errorcode as code', async () => {
    const client = setup.client();
    await client.session.ensureAnonymous();
    const fault = { fault: { faultstring: 'Invalid access token', detail: { errorcode: 'oauth.v2.InvalidAccessToken' } } };
    server.use(http.post(`${setup.sim().baseUrl}/customer/${setup.sim().tenant}/socialLogin`, () => HttpResponse.json(fault, { status: 401 })));
    // A social-login code is spent once: the 401 is not replayed, and reaches the caller as it came.
    const error = await failure(client.socialLogin({ code: 'a-code', redirectUri: 'https://shop.example/callback' }));
    expect(error).toMatchObject({ status: 401, type: 'unauthorized', code: 'oauth.v2.InvalidAccessToken', message: 'Invalid access token' });
  });
});

describe('bodies that are not what the API promises', () => {
  it.each([
    ['not JSON', () => new HttpResponse('<html>oops</html>', { status: 200, headers: { 'content-type': 'text/html' } }), 'malformed_response'],
    ['JSON of the wrong shape', () => HttpResponse.json({ firstName: 42 }), 'malformed_response'],
    ['an HTML error page', () => HttpResponse.html('<h1>Internal error</h1>', { status: 500 }), 'http_500'],
    ['an empty 400', () => new HttpResponse(null, { status: 400 }), 'http_400'],
    ['a JSON array as an error', () => HttpResponse.json([1, 2], { status: 400 }), 'http_400'],
  ])('%s becomes a typed error, not a crash', async (_, answer, type) => {
    const client = setup.client();
    await client.login(jane);
    server.use(http.get(me(), answer));
    const error = await failure(client.getCustomer());
    expect(error.type).toBe(type);
    expect(error.operation).toBe('getCustomer');
    expect(error.message).not.toMatch(/<h1>|<html>/);
  });

  it('a shape error names the fields, never their values', async () => {
    const client = setup.client();
    await client.login(jane);
    server.use(http.get(`${me()}/addresses`, () => HttpResponse.json({ contactName: 'secret-looking-value' })));
    const error = await failure(client.listAddresses());
    expect(error).toMatchObject({ type: 'malformed_response', status: 0 });
    expect(error.message).not.toContain('secret-looking-value');
  });

  it('a created resource without its id is malformed', async () => {
    const client = setup.client();
    await client.login(jane);
    server.use(http.post(`${me()}/addresses`, () => HttpResponse.json({}, { status: 201 })));
    await expect(client.createAddress({ contactName: 'Jane' })).rejects.toMatchObject({ type: 'malformed_response' });
  });
});

describe('no answer', () => {
  it('a read that gets no answer is a network error; a write also says its outcome is unknown', async () => {
    const client = setup.client();
    await client.login(jane);
    setup.sim().failNext({ with: 'network', count: 2 });
    await expect(client.listAddresses()).rejects.toMatchObject({ type: 'network_error', outcomeUnknown: false, status: 0 });
    await expect(client.updateCustomer({ firstName: 'J' })).rejects.toMatchObject({ type: 'network_error', outcomeUnknown: true });
  });

  it("a cancelled read rejects with the caller's abort reason", async () => {
    const client = setup.client();
    await client.login(jane);
    setup.sim().setLatency(500);
    const controller = new AbortController();
    const read = client.listAddresses({ signal: controller.signal });
    controller.abort(new Error('navigated away'));
    await expect(read).rejects.toThrow('navigated away');
  });
});

describe('configuration errors', () => {
  it('name what is wrong before anything is sent', () => {
    expect(() => setup.client({ tenant: 'My Shop' })).toThrow(/tenant "My Shop" is not valid/);
    expect(() => setup.client({ clientId: ' ' })).toThrow(/clientId/);
    expect(() => setup.client({ baseUrl: 'api.emporix.io' })).toThrow(/baseUrl must be an absolute URL/);
    expect(setup.wire()).toEqual([]);
  });
});

describe('redactUrl', () => {
  it('hides every value through which the API forces a secret into a URL', () => {
    const url =
      'https://api.emporix.io/customer/shop/x?refresh_token=a1&refreshToken=b2&accessToken=c3&subjectAccessToken=d4&code=e5&code_verifier=f6&legalEntityId=LE-7';
    const redacted = redactUrl(url);
    for (const secret of ['a1', 'b2', 'c3', 'd4', 'e5', 'f6']) expect(redacted).not.toContain(`=${secret}`);
    expect(redacted).toContain('legalEntityId=LE-7');
    expect(redactUrl('https://api.emporix.io/customer/shop/signup/optin/TOKEN123')).toBe(
      'https://api.emporix.io/customer/shop/signup/optin/redacted',
    );
    expect(redactUrl('https://api.emporix.io/customer/shop/signup/optin/refresh_token')).toContain('/optin/refresh_token');
  });
});
