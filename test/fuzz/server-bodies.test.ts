/**
 * Whatever the server answers — any JSON, JSON of the expected shape with wrong values, HTML, nothing,
 * truncated JSON, under any status the API uses — every client operation resolves with parsed data or
 * rejects with an `EmporixError`; never a `TypeError` or other crash, neither in the call itself nor in
 * the next calls, which use whatever tokens the answer left in the session.
 */
import fc from 'fast-check';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { describe, expect, it } from 'vitest';
import { EmporixError, type CustomerClient } from '../../src/api';
import { addressDtoSchema, customerSchema, validateTokenResponseSchema } from '../../src/api/schemas';
import { ANONYMOUS_CUSTOMER_ID, simulatorDefaults, type EmporixSimulator } from '../../src/testing';
import { createTestClient, server, setupSimulator } from '../harness';
import {
  addressBody,
  createdBody,
  customerBody,
  serverAnswer,
  tokenBody,
  toResponse,
  validateTokenBody,
  type ServerAnswer,
} from './arbitraries';

const simulator = setupSimulator();

/** Runs per operation; every run is a fresh client and session. */
const NUM_RUNS = 25;

const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };
const redirectUri = 'https://shop.example.com/auth/callback';

type Method = 'get' | 'post' | 'patch' | 'delete';

interface FuzzedOperation {
  name: string;
  /** The request whose answer is fuzzed (path below the API origin, MSW syntax). */
  method: Method;
  path: (tenant: string) => string;
  /** Sets up the session (against the simulator) before the fuzzed answer is served. */
  before?: (client: CustomerClient) => Promise<unknown>;
  run: (client: CustomerClient, run: number) => Promise<unknown>;
  /** The successful body the operation expects (mostly served nearly right, sometimes anything). */
  body: fc.Arbitrary<unknown>;
  /** What resolved data must look like. */
  expectData: (data: unknown) => void;
}

const nothing = (data: unknown) => expect(data).toBeUndefined();
const loginResult = (data: unknown) => expect(data).toEqual({ initialPassword: expect.any(Boolean) });
// Unknown keys ride along by design (tolerant parsing), hence toMatchObject.
const createdId = (data: unknown) => expect(data).toMatchObject({ id: expect.any(String) });
const parsedBy = (schema: { safeParse: (value: unknown) => { success: boolean } }) => (data: unknown) =>
  expect(schema.safeParse(data).success).toBe(true);

const logIn = (client: CustomerClient) => client.login(jane);
const me = (tenant: string) => `/customer/${tenant}/me`;
const addressPath = (tenant: string) => `${me(tenant)}/addresses/:id`;

const operations: FuzzedOperation[] = [
  {
    name: 'session.ensureAnonymous (anonymous login)',
    method: 'get',
    path: () => '/customerlogin/auth/anonymous/login',
    run: (client) => client.session.ensureAnonymous(),
    body: tokenBody,
    expectData: (data) => expect(data).toEqual(expect.any(String)),
  },
  {
    name: 'session.refreshAnonymous',
    method: 'get',
    path: () => '/customerlogin/auth/anonymous/refresh',
    before: (client) => client.session.ensureAnonymous(),
    run: (client) => client.session.refreshAnonymous(),
    body: tokenBody,
    expectData: (data) => expect(data).toEqual(expect.any(String)),
  },
  {
    name: 'signup',
    method: 'post',
    path: (tenant) => `/customer/${tenant}/signup`,
    run: (client, run) => client.signup({ email: `fuzz${run}@example.com`, password: 'fuzz-secret-1' }),
    body: createdBody,
    expectData: createdId,
  },
  { name: 'login', method: 'post', path: (tenant) => `/customer/${tenant}/login`, run: logIn, body: tokenBody, expectData: loginResult },
  {
    name: 'logout',
    method: 'get',
    path: (tenant) => `/customer/${tenant}/logout`,
    before: logIn,
    run: (client) => client.logout(),
    body: fc.jsonValue(),
    expectData: nothing,
  },
  {
    name: 'refreshCustomerToken',
    method: 'get',
    path: (tenant) => `/customer/${tenant}/refreshauthtoken`,
    before: logIn,
    run: (client) => client.refreshCustomerToken(),
    body: tokenBody,
    expectData: nothing,
  },
  {
    name: 'refreshCustomerToken (switching legal entity)',
    method: 'get',
    path: (tenant) => `/customer/${tenant}/refreshauthtoken`,
    before: logIn,
    run: (client) => client.refreshCustomerToken({ legalEntityId: 'LE-1' }),
    body: tokenBody,
    expectData: nothing,
  },
  {
    name: 'validateToken',
    method: 'get',
    path: (tenant) => `/customer/${tenant}/validateauthtoken`,
    before: logIn,
    run: (client) => client.validateToken(),
    body: validateTokenBody,
    expectData: parsedBy(validateTokenResponseSchema),
  },
  {
    name: 'exchangeToken',
    method: 'post',
    path: (tenant) => `/customer/${tenant}/exchangeauthtoken`,
    run: (client) => client.exchangeToken({ subjectAccessToken: 'external-token', config: 'default' }),
    body: tokenBody,
    expectData: loginResult,
  },
  {
    name: 'socialLogin',
    method: 'post',
    path: (tenant) => `/customer/${tenant}/socialLogin`,
    run: (client, run) => client.socialLogin({ code: `code-${run}`, redirectUri }),
    body: tokenBody,
    expectData: loginResult,
  },
  {
    name: 'beginSocialLogin + completeSocialLogin',
    method: 'post',
    path: (tenant) => `/customer/${tenant}/socialLogin`,
    async run(client, run) {
      const authorize = new URL(
        await client.beginSocialLogin({ authorizeUrl: 'https://idp.example.com/authorize', clientId: 'shop', redirectUri }),
      );
      return client.completeSocialLogin(`${redirectUri}?code=code-${run}&state=${authorize.searchParams.get('state')}`);
    },
    body: tokenBody,
    expectData: loginResult,
  },
  {
    name: 'confirmSignup',
    method: 'get',
    path: (tenant) => `/customer/${tenant}/signup/optin/:token`,
    run: (client, run) => client.confirmSignup(`activation-${run}`),
    body: tokenBody,
    expectData: loginResult,
  },
  {
    name: 'resendActivation',
    method: 'post',
    path: (tenant) => `/customer/${tenant}/signup/optin/refresh_token`,
    run: (client) => client.resendActivation({ email: 'ada@example.com' }),
    body: fc.jsonValue(),
    expectData: nothing,
  },
  {
    name: 'getCustomer (customer)',
    method: 'get',
    path: me,
    before: logIn,
    run: (client) => client.getCustomer({ expand: ['addresses'] }),
    body: customerBody,
    expectData: parsedBy(customerSchema),
  },
  {
    name: 'getCustomer (guest)',
    method: 'get',
    path: me,
    run: (client) => client.getCustomer(),
    body: customerBody,
    expectData: parsedBy(customerSchema),
  },
  {
    name: 'updateCustomer',
    method: 'patch',
    path: me,
    before: logIn,
    run: (client) => client.updateCustomer({ firstName: 'Janet', metadata: { version: 1 } }),
    body: fc.jsonValue(),
    expectData: nothing,
  },
  {
    name: 'listAddresses',
    method: 'get',
    path: (tenant) => `${me(tenant)}/addresses`,
    before: logIn,
    run: (client) => client.listAddresses(),
    body: fc.array(addressBody, { maxLength: 3 }),
    expectData: (data) => {
      expect(Array.isArray(data)).toBe(true);
      for (const address of data as unknown[]) parsedBy(addressDtoSchema)(address);
    },
  },
  {
    name: 'getAddress',
    method: 'get',
    path: addressPath,
    before: logIn,
    run: (client) => client.getAddress('A-1'),
    body: addressBody,
    expectData: parsedBy(addressDtoSchema),
  },
  {
    name: 'createAddress',
    method: 'post',
    path: (tenant) => `${me(tenant)}/addresses`,
    before: logIn,
    run: (client) => client.createAddress({ contactName: 'Jane Doe', country: 'DE', tags: ['BILLING'] }),
    body: createdBody,
    expectData: createdId,
  },
  {
    name: 'updateAddress',
    method: 'patch',
    path: addressPath,
    before: logIn,
    run: (client) => client.updateAddress('A-1', { city: 'Hamburg', metadata: { version: 1 } }),
    body: fc.jsonValue(),
    expectData: nothing,
  },
  {
    name: 'deleteAddress',
    method: 'delete',
    path: addressPath,
    before: logIn,
    run: (client) => client.deleteAddress('A-1'),
    body: fc.jsonValue(),
    expectData: nothing,
  },
  {
    name: 'addAddressTags',
    method: 'post',
    path: (tenant) => `${addressPath(tenant)}/tags`,
    before: logIn,
    run: (client) => client.addAddressTags('A-1', ['BILLING', 'SHIPPING']),
    body: fc.jsonValue(),
    expectData: nothing,
  },
  {
    name: 'removeAddressTags',
    method: 'delete',
    path: (tenant) => `${addressPath(tenant)}/tags`,
    before: logIn,
    run: (client) => client.removeAddressTags('A-1', ['BILLING']),
    body: fc.jsonValue(),
    expectData: nothing,
  },
  {
    name: 'changePassword',
    method: 'post',
    path: (tenant) => `/customer/${tenant}/password/change`,
    before: logIn,
    run: (client) => client.changePassword({ currentPassword: jane.password, newPassword: 'new-secret-1' }),
    body: fc.jsonValue(),
    expectData: nothing,
  },
  {
    name: 'requestPasswordReset',
    method: 'post',
    path: (tenant) => `/customer/${tenant}/password/reset`,
    run: (client) => client.requestPasswordReset({ email: jane.email, site: 'main' }),
    body: fc.jsonValue(),
    expectData: nothing,
  },
  {
    name: 'resetPassword',
    method: 'post',
    path: (tenant) => `/customer/${tenant}/password/reset/update`,
    run: (client) => client.resetPassword({ token: 'reset-token', password: 'new-secret-1' }),
    body: fc.jsonValue(),
    expectData: nothing,
  },
  {
    name: 'requestEmailChange',
    method: 'post',
    path: (tenant) => `${me(tenant)}/accounts/internal/email/change`,
    before: logIn,
    run: (client) =>
      client.requestEmailChange({ email: jane.email, password: jane.password, newEmail: 'jane.new@example.com', syncContactEmail: true }),
    body: fc.jsonValue(),
    expectData: nothing,
  },
  {
    name: 'confirmEmailChange',
    method: 'post',
    path: (tenant) => `${me(tenant)}/accounts/internal/email/change/confirm`,
    run: (client) => client.confirmEmailChange({ token: 'change-token' }),
    body: fc.jsonValue(),
    expectData: nothing,
  },
];

/**
 * Calls that run against the simulator afterwards, with whatever the fuzzed answer left in the session:
 * the customer's (or anonymous) bearer, the anonymous one, and the session id header of a social login.
 */
const followUps: ReadonlyArray<(client: CustomerClient) => Promise<unknown>> = [
  (client) => client.getCustomer(),
  (client) => client.requestPasswordReset({ email: jane.email }),
  (client) => client.socialLogin({ code: 'unknown-code', redirectUri }),
];

/** Serves `answer()` for one request of the simulator's API while it is set; other requests reach the simulator. */
function fuzzHandler(sim: EmporixSimulator, operation: FuzzedOperation, answer: () => ServerAnswer | undefined): HttpHandler {
  return http[operation.method](`${sim.baseUrl}${operation.path(sim.tenant)}`, () => {
    const current = answer();
    return current ? toResponse(current) : undefined;
  });
}

/** Resolves with data that passes `expectData`, or rejects with an `EmporixError`; anything else fails. */
async function expectDataOrEmporixError(promise: Promise<unknown>, expectData: (data: unknown) => void): Promise<void> {
  let outcome: { data: unknown } | { error: unknown };
  try {
    outcome = { data: await promise };
  } catch (error) {
    outcome = { error };
  }
  if ('data' in outcome) expectData(outcome.data);
  else if (!(outcome.error instanceof EmporixError)) throw outcome.error;
}

describe('any answer from the server yields data or an EmporixError', () => {
  it.each(operations.map((operation) => [operation.name, operation] as const))('%s', async (_name, operation) => {
    const sim = simulator();
    let answer: ServerAnswer | undefined;
    server.use(fuzzHandler(sim, operation, () => answer));
    let run = 0;

    await fc.assert(
      fc.asyncProperty(serverAnswer(operation.body), async (fuzzed) => {
        run += 1;
        sessionStorage.clear();
        const client = createTestClient(sim, { persistence: 'memory', tabSync: false });
        try {
          answer = undefined;
          await operation.before?.(client);
          answer = fuzzed;
          await expectDataOrEmporixError(operation.run(client, run), operation.expectData);
          answer = undefined;
          for (const followUp of followUps) await expectDataOrEmporixError(followUp(client), () => {});
        } finally {
          answer = undefined;
          client.dispose();
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('found by fuzzing', () => {
  it.each([
    ['an access token', { access_token: 'tök€n', expires_in: 600 }],
    ['a session id', { access_token: 'token', expires_in: 600, session_id: 'séssion €' }],
  ])('a login answer with %s that cannot travel in a header is malformed; later calls still work', async (_what, body) => {
    const sim = simulator();
    server.use(http.post(`${sim.baseUrl}/customer/${sim.tenant}/login`, () => HttpResponse.json(body), { once: true }));
    const client = createTestClient(sim, { persistence: 'memory', tabSync: false });

    await expect(client.login(jane)).rejects.toMatchObject({ name: 'EmporixError', type: 'malformed_response' });
    expect(client.session.getState().status).toBe('anonymous');
    await expect(client.getCustomer()).resolves.toMatchObject({ id: ANONYMOUS_CUSTOMER_ID });
    await expect(client.socialLogin({ code: 'unknown-code', redirectUri })).rejects.toBeInstanceOf(EmporixError);
    client.dispose();
  });
});
