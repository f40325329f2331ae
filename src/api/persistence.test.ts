/**
 * Where the session lives between page loads: each persistence choice keeps exactly the tokens, their
 * expiry, the session id, the legal entity and the per-login id, under a key of the tenant, the client id
 * and the API address — and a reload picks them up.
 */
import { describe, expect, it, vi } from 'vitest';
import type { PersistenceAdapter } from './persistence';
import { createEmporixSimulator } from '../testing';
import { server, sessionKey, simulatorDefaults, uniqueTenant, setupTenant } from '../../test/fault-matrix/support';

const setup = setupTenant();
const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };
const key = () => sessionKey(setup.sim());

const TOKEN_FIELDS = ['accessToken', 'expiresAt', 'renewAt', 'refreshToken', 'refreshExpiresAt', 'sessionId'];
const CUSTOMER_FIELDS = [...TOKEN_FIELDS, 'saasToken', 'customerId', 'legalEntityId', 'loginId'];

function mapAdapter(): PersistenceAdapter & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    get: vi.fn((k: string) => values.get(k) ?? null),
    set: vi.fn((k: string, v: string) => void values.set(k, v)),
    remove: vi.fn((k: string) => void values.delete(k)),
  };
}

describe("'local' (the default)", () => {
  it('keeps only tokens, expiry, session id, legal entity and login id in localStorage under the client key', async () => {
    const client = setup.client();
    await client.login(jane);
    await client.getCustomer();

    expect(Object.keys(localStorage)).toEqual([key()]);
    expect(Object.keys(sessionStorage)).toEqual([]);
    const stored = JSON.parse(localStorage.getItem(key()) ?? '{}') as Record<string, Record<string, unknown>>;
    expect(Object.keys(stored).sort()).toEqual(['anonymous', 'customer']);
    expect(TOKEN_FIELDS).toEqual(expect.arrayContaining(Object.keys(stored.anonymous ?? {})));
    expect(CUSTOMER_FIELDS).toEqual(expect.arrayContaining(Object.keys(stored.customer ?? {})));
    expect(JSON.stringify(stored)).not.toMatch(/Jane|Doe|example\.com|Berlin/);
  });

  it('survives a reload: a new client on the same storage is the same customer without a new login', async () => {
    const before = setup.client();
    await before.login(jane);
    const state = before.session.getState();
    before.dispose();

    const after = setup.client();

    expect(after.session.getState()).toEqual(state);
    await expect(after.getCustomer()).resolves.toMatchObject({ firstName: 'Jane' });
    expect(setup.sim().requestCount('anonymousLogin')).toBe(1);
    expect(setup.sim().requestCount('login')).toBe(1);
  });

  it('is namespaced by tenant: another tenant on the same storage starts its own session', async () => {
    const other = createEmporixSimulator({ tenant: uniqueTenant(), baseUrl: 'https://api.other.example.com' });
    server.use(...other.handlers);
    const mine = setup.client();
    await mine.login(jane);

    const theirs = setup.client({ tenant: other.tenant, baseUrl: other.baseUrl });

    expect(theirs.session.getState()).toMatchObject({ status: 'anonymous', sessionId: undefined });
    await theirs.session.ensureAnonymous();
    expect(mine.session.getState().status).toBe('customer');
    expect(Object.keys(localStorage).sort()).toEqual([key(), sessionKey(other)].sort());
  });

  it('reads an unreadable stored value as no session, and replaces it', async () => {
    localStorage.setItem(key(), '{"anonymous": {"accessToken": 42}');
    const client = setup.client();
    expect(client.session.getState()).toMatchObject({ status: 'anonymous', sessionId: undefined });
    await client.login(jane);
    expect(JSON.parse(localStorage.getItem(key()) ?? '{}')).toHaveProperty('customer');
  });

  it('keeps working in memory when Web Storage refuses to store', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const client = setup.client();
    await client.login(jane);
    await expect(client.listAddresses()).resolves.toHaveLength(1);
    expect(client.session.getState().status).toBe('customer');
  });
});

describe("'session' and 'memory'", () => {
  it("'session' keeps the session in sessionStorage only, and a reload of the tab picks it up", async () => {
    const client = setup.client({ persistence: 'session' });
    await client.login(jane);
    expect(Object.keys(sessionStorage)).toEqual([key()]);
    expect(Object.keys(localStorage)).toEqual([]);
    expect(setup.client({ persistence: 'session' }).session.getState().status).toBe('customer');
    expect(setup.client({ persistence: 'local' }).session.getState().status).toBe('anonymous');
  });

  it("'memory' touches no Web Storage; a reload starts over", async () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const client = setup.client({ persistence: 'memory' });
    await client.login(jane);
    await client.refreshCustomerToken();
    expect(client.session.getState().status).toBe('customer');
    expect(setItem).not.toHaveBeenCalled();
    expect(setup.client({ persistence: 'memory' }).session.getState()).toMatchObject({ status: 'anonymous', sessionId: undefined });
  });
});

describe('a custom adapter', () => {
  it('gets, sets and removes under the tenant key; a second client on it picks the session up', async () => {
    const adapter = mapAdapter();
    const client = setup.client({ persistence: adapter });
    await client.login(jane);

    expect([...adapter.values.keys()]).toEqual([key()]);
    expect(adapter.set).toHaveBeenCalledWith(key(), expect.any(String));
    expect(setup.client({ persistence: adapter }).session.getState().status).toBe('customer');
    expect(Object.keys(localStorage)).toEqual([]);

    await client.logout();
    expect(adapter.remove).toHaveBeenCalledWith(key());
    expect(adapter.values.size).toBe(0);
  });
});
