/**
 * Fault matrix rows 1–3: many callers, and several tabs, meet an expired customer token at once —
 * one refresh serves them all, and a refresh that never ends blocks nobody for long.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createStorageRefreshLock,
  createWebLocksRefreshLock,
  EmporixError,
  type CustomerClientOptions,
  type PersistenceAdapter,
} from '../../src/api';
import { createFakeLockManager, namesOf, simulatorDefaults, storedSession, setupTenant } from './support';

const setup = setupTenant();
const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };

afterEach(() => {
  vi.useRealTimers();
});

/** The bearer each request of the wire log carried, for one operation path. */
function bearersTo(pathEnd: string): string[] {
  return setup
    .wire()
    .filter((entry) => entry.url.pathname.endsWith(pathEnd))
    .map((entry) => entry.headers.get('authorization') ?? '');
}

const localAdapter: PersistenceAdapter = {
  get: (key) => localStorage.getItem(key),
  set: (key, value) => localStorage.setItem(key, value),
  remove: (key) => localStorage.removeItem(key),
};

describe('1 · concurrent requests on an expired customer token', () => {
  it('1 · 20 requests refused with 401 share one refresh, each replayed once', async () => {
    const client = setup.client();
    await client.login(jane);
    setup.sim().expireTokens('customer');

    const profiles = await Promise.all(Array.from({ length: 20 }, () => client.getCustomer()));

    expect(profiles.map((p) => p.firstName)).toEqual(Array(20).fill('Jane'));
    expect(setup.sim().requestCount('refreshCustomerToken')).toBe(1);
    const statuses = setup.sim().requests.filter((r) => r.operation === 'getCustomer').map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
  });

  it('1 · 20 requests on a token the client knows is expired share one refresh and send no stale token', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    setup.reconfigure({ lifetimes: { customerAccess: 14_399 } }); // a customer token of 4 h, its refresh token of 24 h
    const client = setup.client();
    await client.login(jane);
    vi.setSystemTime(Date.now() + 14_399_000); // the customer token's lifetime

    await Promise.all(Array.from({ length: 20 }, () => client.listAddresses()));

    expect(setup.sim().requestCount('refreshCustomerToken')).toBe(1);
    expect(setup.sim().requests.filter((r) => r.operation === 'listAddresses').map((r) => r.status)).toEqual(
      Array(20).fill(200),
    );
  });
});

describe('2 · two tabs on one storage refresh at once', () => {
  const locks: [string, () => Partial<CustomerClientOptions>][] = [
    ['the storage lease (no Web Locks, as in jsdom)', () => ({})],
    [
      'Web Locks',
      (() => {
        const manager = createFakeLockManager();
        return () => ({ lock: createWebLocksRefreshLock(manager) });
      })(),
    ],
  ];

  it.each(locks)('2 · one refresh call with %s; the other tab uses the new token', async (_, lockOptions) => {
    const options = lockOptions();
    const tabA = setup.client(options);
    await tabA.login(jane);
    const tabB = setup.client(options); // opens on the stored session, as a second tab would
    expect(tabB.session.getState().status).toBe('customer');
    setup.sim().expireTokens('customer');

    const [a, b] = await Promise.all([tabA.getCustomer(), tabB.getCustomer()]);

    expect([a.firstName, b.firstName]).toEqual(['Jane', 'Jane']);
    expect(setup.sim().requestCount('refreshCustomerToken')).toBe(1);
    const refreshed = (storedSession(setup.sim())?.customer as { accessToken: string }).accessToken;
    // The last two profile reads (one per tab) both carried the one refreshed token.
    expect(bearersTo('/me').slice(-2)).toEqual([`Bearer ${refreshed}`, `Bearer ${refreshed}`]);
  });
});

describe('3 · a lock holder that never finishes', () => {
  /** A tab whose refresh request hangs until aborted, like a request lost on a dead connection. */
  const hangingRefresh: typeof fetch = (input, init) =>
    String(input).includes('/refreshauthtoken')
      ? new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)))
      : fetch(input, init);

  const lockKinds: [string, () => () => Partial<CustomerClientOptions>][] = [
    ['storage lease', () => () => ({ lock: createStorageRefreshLock(localAdapter, { timeoutMs: 300, pollMs: 10 }) })],
    [
      'Web Locks',
      () => {
        const manager = createFakeLockManager();
        return () => ({ lock: createWebLocksRefreshLock(manager, { timeoutMs: 300 }) });
      },
    ],
  ];

  it.each(lockKinds)('3 · %s: the stuck holder gets a typed timeout, the waiter then refreshes', async (_, kind) => {
    const lockFor = kind();
    const stuck = setup.client({ ...lockFor(), fetch: hangingRefresh });
    await stuck.login(jane);
    const waiter = setup.client(lockFor());
    setup.sim().expireTokens('customer');

    const stuckRead = stuck.getCustomer().catch((error: unknown) => error);
    await vi.waitFor(() => expect(setup.sim().requests.filter((r) => r.status === 401)).toHaveLength(1));
    const started = Date.now();
    const waiterRead = await waiter.getCustomer();

    const error = await stuckRead;
    expect(error).toBeInstanceOf(EmporixError);
    expect(error).toMatchObject({ type: 'timeout', status: 0 });
    expect(waiterRead.firstName).toBe('Jane');
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(setup.sim().requestCount('refreshCustomerToken')).toBe(1); // the waiter's; the stuck one never arrived
    expect(stuck.session.getState().status).toBe('customer'); // a timeout keeps the session
  });

  it('3 · a lease left by a tab that died is taken over once it runs out', async () => {
    const client = setup.client({ lock: createStorageRefreshLock(localAdapter, { timeoutMs: 5_000, pollMs: 10 }) });
    await client.login(jane);
    const lockKey = `${namesOf(setup.sim()).lock('customer')}:lock`;
    localStorage.setItem(lockKey, JSON.stringify({ owner: 'a-dead-tab', expiresAt: Date.now() + 250 }));
    setup.sim().expireTokens('customer');

    const started = Date.now();
    await expect(client.getCustomer()).resolves.toMatchObject({ firstName: 'Jane' });

    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(setup.sim().requestCount('refreshCustomerToken')).toBe(1);
    expect(localStorage.getItem(lockKey)).toBeNull();
  });
});
