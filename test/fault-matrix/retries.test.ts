/**
 * Fault matrix rows 13 and 14: which failures are tried again (reads after transient trouble, with
 * backoff) and which never are (writes, 4xx); a 401 renews the token whatever its body, a 403 never does.
 */
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { EmporixError } from '../../src/api';
import { defaultRetryPolicy } from '../../src/api/transport';
import type { SimulatorFault } from '../../src/testing';
import { server, simulatorDefaults, setupTenant } from './support';

const setup = setupTenant();
const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };

function retryingClient() {
  const delays: number[] = [];
  const client = setup.client({ retry: { retries: 3, delay: (attempt) => (delays.push(attempt), 1) } });
  return { client, delays };
}

describe('13 · retries', () => {
  it('13 · a GET answered 503 is retried at most 3 times, then the error surfaces', async () => {
    const { client, delays } = retryingClient();
    await client.login(jane);
    setup.sim().failNext({ with: 503, count: 10, match: { method: 'GET', path: '/me/addresses' } });

    const error = await client.listAddresses().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(EmporixError);
    expect(error).toMatchObject({ status: 503 });
    expect(setup.sim().requestCount('listAddresses')).toBe(4);
    expect(delays).toEqual([1, 2, 3]);
  });

  it.each<SimulatorFault>([429, 502, 504, 'network'])('13 · a GET that meets %s once succeeds on the retry', async (fault) => {
    const { client } = retryingClient();
    await client.login(jane);
    setup.sim().failNext({ with: fault, match: { method: 'GET', path: '/me/addresses' } });

    await expect(client.listAddresses()).resolves.toHaveLength(1);
    expect(setup.sim().requestCount('listAddresses')).toBe(2);
  });

  it('13 · the default backoff doubles from about 250 ms', () => {
    const delays = [1, 2, 3].map((attempt) => defaultRetryPolicy.delay(attempt));
    expect(delays[0]).toBeGreaterThanOrEqual(187.5);
    expect(delays[0]).toBeLessThanOrEqual(312.5);
    expect(delays[1]).toBeGreaterThanOrEqual(375);
    expect(delays[2]).toBeGreaterThanOrEqual(750);
    expect(delays[2]).toBeLessThanOrEqual(1250);
    expect(defaultRetryPolicy.retries).toBe(3);
  });

  it.each([
    ['POST', 'createAddress', (c: ReturnType<typeof retryingClient>['client']) => c.createAddress({ contactName: 'Jane' })],
    ['PATCH', 'updateCustomer', (c: ReturnType<typeof retryingClient>['client']) => c.updateCustomer({ firstName: 'J' })],
    ['DELETE', 'deleteAddress', (c: ReturnType<typeof retryingClient>['client']) => c.deleteAddress('some-id')],
  ] as const)('13 · a %s answered 503 or dropped by the network is never retried', async (method, operation, write) => {
    for (const fault of [503, 'network'] as const) {
      const { client } = retryingClient();
      await client.login(jane);
      const before = setup.sim().requestCount(operation);
      setup.sim().failNext({ with: fault, match: { method } }); // a retry would succeed

      const error = await write(client).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(EmporixError);
      expect(setup.sim().requestCount(operation) - before).toBe(1);
      if (fault === 'network') expect(error).toMatchObject({ type: 'network_error', outcomeUnknown: true });
    }
  });

  it('13 · a 4xx is never retried, read or write', async () => {
    setup.sim().setUndocumented({ wrongPassword: 'validation400' });
    const { client, delays } = retryingClient();
    await client.login(jane);

    await expect(client.getAddress('missing')).rejects.toMatchObject({ status: 404 });
    await expect(client.changePassword({ currentPassword: 'wrong-one', newPassword: 'new-secret-1' })).rejects.toMatchObject({
      status: 400,
    });

    expect(setup.sim().requestCount('getAddress')).toBe(1);
    expect(setup.sim().requestCount('changePassword')).toBe(1);
    expect(delays).toEqual([]);
  });
});

describe('14 · 401 bodies and 403', () => {
  it.each<[string, SimulatorFault | 'expired']>([
    ['a gateway fault body', 'expired'],
    ['an empty body', 'empty401'],
    ['an HTML page', 'html401'],
  ])('14 · a 401 with %s renews the token and replays the request', async (_, fault) => {
    const client = setup.client();
    await client.login(jane);
    if (fault === 'expired') setup.sim().expireTokens('customer');
    else setup.sim().failNext({ with: fault, match: { method: 'GET', path: '/me/addresses' } });

    await expect(client.listAddresses()).resolves.toHaveLength(1);

    expect(setup.sim().requestCount('refreshCustomerToken')).toBe(1);
    expect(setup.sim().requests.filter((r) => r.operation === 'listAddresses').map((r) => r.status)).toEqual([401, 200]);
  });

  it.each<[string, SimulatorFault]>([
    ['an empty body', 'empty401'],
    ['an HTML page', 'html401'],
  ])('14 · a 401 with %s that stays becomes a typed error, not a crash', async (_, fault) => {
    const client = setup.client();
    await client.login(jane);
    setup.sim().failNext({ with: fault, count: 2, match: { method: 'GET', path: '/me/addresses' } });

    const error = await client.listAddresses().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(EmporixError);
    expect(error).toMatchObject({ status: 401, type: 'unauthorized', code: undefined });
    expect((error as EmporixError).message).not.toMatch(/<html/i);
  });

  it('14 · a 403 never refreshes and is not retried', async () => {
    const { client } = retryingClient();
    await client.login(jane);
    server.use(
      http.get(`${setup.sim().baseUrl}/customer/${setup.sim().tenant}/me/addresses`, () =>
        HttpResponse.json({ status: 403, type: 'forbidden', message: 'User not authorized.' }, { status: 403 }),
      ),
    );

    await expect(client.listAddresses()).rejects.toMatchObject({ status: 403, type: 'forbidden' });

    expect(setup.wire().filter((entry) => entry.url.pathname.endsWith('/me/addresses'))).toHaveLength(1);
    expect(setup.sim().requestCount('refreshCustomerToken')).toBe(0);
    expect(setup.sim().requestCount('anonymousRefresh')).toBe(0);
    expect(client.session.getState().status).toBe('customer');
  });
});
