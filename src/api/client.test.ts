import { describe, expect, it } from 'vitest';
import { createTestClient, setupSimulator } from '../../test/harness';
import { simulatorDefaults } from '../testing';
import { createCustomerClient } from './client';
import { EmporixError } from './errors';

const simulator = setupSimulator();
const credentials = { email: simulatorDefaults.email, password: simulatorDefaults.password };

describe('createCustomerClient', () => {
  it('refuses an invalid tenant with a clear error and sends nothing', () => {
    const create = () => createCustomerClient({ tenant: 'My Shop', clientId: 'key' });
    expect(create).toThrow(EmporixError);
    expect(create).toThrow(/tenant "My Shop" is not valid/);
    expect(simulator().requests).toHaveLength(0);
  });

  it('requires a client id', () => {
    expect(() => createCustomerClient({ tenant: 'myshop', clientId: '' })).toThrow(/clientId/);
  });

  it('obtains the anonymous token lazily, once for concurrent callers', async () => {
    const client = createTestClient(simulator());
    expect(simulator().requests).toHaveLength(0);
    const [first, second] = await Promise.all([client.session.ensureAnonymous(), client.session.ensureAnonymous()]);
    expect(first).toBe(second);
    expect(simulator().requestCount('anonymousLogin')).toBe(1);
    expect(client.session.getState()).toMatchObject({ status: 'anonymous', sessionId: expect.any(String) });
  });
});

describe('login and profile', () => {
  it('logs in and reads the profile with the customer token', async () => {
    const client = createTestClient(simulator());
    await client.login(credentials);
    expect(client.session.getState()).toMatchObject({ status: 'customer' });
    const customer = await client.getCustomer();
    expect(customer).toMatchObject({ firstName: 'Jane', lastName: 'Doe', contactEmail: credentials.email });
    expect(simulator().requests.map((r) => [r.operation, r.auth])).toEqual([
      ['anonymousLogin', 'none'],
      ['login', 'anonymous'],
      ['getCustomer', 'customer'],
    ]);
  });

  it('keeps the anonymous session id as the customer session id', async () => {
    const client = createTestClient(simulator());
    await client.session.ensureAnonymous();
    const { sessionId } = client.session.getState();
    await client.login(credentials);
    expect(client.session.getState().sessionId).toBe(sessionId);
  });

  it('reports a wrong password as invalid credentials without retrying', async () => {
    const client = createTestClient(simulator());
    const error = await client.login({ ...credentials, password: 'wrong-password' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmporixError);
    expect(error).toMatchObject({ status: 401, type: 'invalid_credentials' });
    expect(String((error as Error).message)).not.toContain('wrong-password');
    expect(simulator().requestCount('login')).toBe(1);
    expect(client.session.getState().status).toBe('anonymous');
  });

  it('renews an expired customer token once and replays the request', async () => {
    const client = createTestClient(simulator());
    await client.login(credentials);
    simulator().expireTokens('customer');
    await expect(client.getCustomer()).resolves.toMatchObject({ firstName: 'Jane' });
    expect(simulator().requestCount('refreshCustomerToken')).toBe(1);
    expect(simulator().requestCount('getCustomer')).toBe(2);
  });

  it('answers customer-only operations for a guest without a request', async () => {
    const client = createTestClient(simulator());
    await expect(client.listAddresses()).rejects.toMatchObject({ type: 'not_logged_in' });
    expect(simulator().requests).toHaveLength(0);
  });

  it('forgets every token on logout, even when the server cannot be reached', async () => {
    const client = createTestClient(simulator());
    await client.login(credentials);
    simulator().failNext({ with: 'network' });
    await client.logout();
    expect(client.session.getState()).toMatchObject({ status: 'anonymous', sessionId: undefined });
    expect(Object.keys(localStorage).filter((key) => key.startsWith('emporix-customer-react'))).toEqual([]);
  });
});
