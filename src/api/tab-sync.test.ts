/**
 * Tabs of one browser share the session: what one tab does (log in, renew, switch legal entity, log
 * out, lose the session) the others learn over a BroadcastChannel, without tokens in the messages.
 * Two clients on one jsdom storage play two tabs; Node's BroadcastChannel delivers between them.
 */
import { describe, expect, it, vi } from 'vitest';
import type { SessionEvent } from './session';
import type { TabChannelFactory, TabMessage } from './tab-sync';
import { namesOf, sentTo, simulatorDefaults, storedSession, setupTenant } from '../../test/fault-matrix/support';

const setup = setupTenant({ legalEntities: { [simulatorDefaults.email]: [{ id: 'LE-7', name: 'Doe Trading' }] } });
const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };

function tabs() {
  const a = setup.client();
  const b = setup.client();
  const heardByB: SessionEvent['type'][] = [];
  b.session.on((event) => heardByB.push(event.type));
  return { a, b, heardByB };
}

/** A channel factory that keeps a copy of what this tab posts. */
function recordingChannel(posted: TabMessage[], names: string[]): TabChannelFactory {
  return (name) => {
    names.push(name);
    const channel = new BroadcastChannel(name);
    return {
      postMessage: (message) => {
        posted.push(message);
        channel.postMessage(message);
      },
      addEventListener: (type, listener) => channel.addEventListener(type, listener as unknown as EventListener),
      close: () => channel.close(),
    };
  };
}

describe('what the other tab learns', () => {
  it('a login: the other tab becomes the same login, announces it, and sends no request of its own', async () => {
    const { a, b, heardByB } = tabs();
    await a.login(jane);

    await expect.poll(() => b.session.getState().status).toBe('customer');
    expect(b.session.getState()).toEqual(a.session.getState());
    expect(b.session.getState().loginId).toMatch(/^[0-9a-f]{32}$/);
    expect(heardByB).toEqual(['login']);
    const requests = setup.sim().requests.length;
    await expect(b.listAddresses()).resolves.toHaveLength(1);
    expect(setup.sim().requests.length - requests).toBe(1);
  });

  it('a renewal: the other tab uses the new token and never refreshes itself', async () => {
    const { a, b } = tabs();
    await a.login(jane);
    await expect.poll(() => b.session.getState().status).toBe('customer');

    await a.refreshCustomerToken();
    const renewed = (storedSession(setup.sim())?.customer as { accessToken: string }).accessToken;
    await expect.poll(() => b.session.getState().expiresAt).toBe(a.session.getState().expiresAt);
    await b.getCustomer();

    expect(sentTo(setup, 'GET', '/me').at(-1)?.headers.get('authorization')).toBe(`Bearer ${renewed}`);
    expect(setup.sim().requestCount('refreshCustomerToken')).toBe(1);
  });

  it('a legal-entity switch: the other tab acts for the same legal entity', async () => {
    const { a, b } = tabs();
    await a.login(jane);
    await a.refreshCustomerToken({ legalEntityId: 'LE-7' });

    await expect.poll(() => b.session.getState().legalEntityId).toBe('LE-7');
    await expect(b.validateToken()).resolves.toMatchObject({ legalEntityId: 'LE-7' });
  });

  it('a logout: the other tab drops its session and emits logout', async () => {
    const { a, b, heardByB } = tabs();
    await a.login(jane);
    await expect.poll(() => b.session.getState().status).toBe('customer');

    await a.logout();

    await expect.poll(() => heardByB).toContain('logout');
    expect(b.session.getState()).toMatchObject({ status: 'anonymous', sessionId: undefined });
    expect(b.session.getSaasToken()).toBeUndefined();
    await expect(b.listAddresses()).rejects.toMatchObject({ type: 'not_logged_in' });
  });

  it('an ended session: the other tab emits sessionExpired once', async () => {
    const { a, b, heardByB } = tabs();
    await a.login(jane);
    await expect.poll(() => b.session.getState().status).toBe('customer');
    setup.sim().revokeRefreshTokens('customer');

    await expect(a.refreshCustomerToken()).rejects.toMatchObject({ type: 'session_expired' });

    await expect.poll(() => heardByB).toEqual(['login', 'sessionExpired']);
    expect(b.session.getState().status).toBe('anonymous');
  });
});

describe('what goes over the channel', () => {
  it('one channel per client (tenant, client id, API address); messages say what happened and carry no token', async () => {
    const posted: TabMessage[] = [];
    const names: string[] = [];
    const a = setup.client({ tabSync: recordingChannel(posted, names) });

    await a.login(jane);
    await a.refreshCustomerToken({ legalEntityId: 'LE-7' });
    await a.logout();

    expect(names).toEqual([namesOf(setup.sim()).channel]);
    expect(posted.map((message) => message.type)).toEqual(['tokens', 'tokens', 'legalEntity', 'logout']);
    for (const message of posted) expect(Object.keys(message).sort()).toEqual(['from', 'type', 'v']);
    const secrets = setup.secrets();
    expect(secrets.filter((secret) => JSON.stringify(posted).includes(secret))).toEqual([]);
  });

  it('tabSync: false, and session or memory persistence, neither post nor listen', async () => {
    const witness = setup.client();
    const off = setup.client({ tabSync: false });
    const perTab = setup.client({ persistence: 'session' });
    const inMemory = setup.client({ persistence: 'memory' });
    const speaker = setup.client();

    await speaker.login(jane);
    await expect.poll(() => witness.session.getState().status).toBe('customer');

    expect(off.session.getState().status).toBe('anonymous');
    expect(perTab.session.getState().status).toBe('anonymous');
    expect(inMemory.session.getState().status).toBe('anonymous');
    await off.session.ensureAnonymous(); // reads storage under the lock: the customer was there all along
    expect(off.session.getState().status).toBe('customer');
  });

  it('ignores messages it does not understand', async () => {
    const { a, b, heardByB } = tabs();
    await a.login(jane);
    await expect.poll(() => b.session.getState().status).toBe('customer');
    heardByB.length = 0;
    const stranger = new BroadcastChannel(namesOf(setup.sim()).channel);
    const witness = new BroadcastChannel(namesOf(setup.sim()).channel);
    const seen: unknown[] = [];
    witness.addEventListener('message', (event) => seen.push((event as MessageEvent).data));

    for (const data of [null, 'logout', { type: 'logout' }, { v: 2, type: 'logout', from: 'x' }, { v: 1, type: 'drop', from: 'x' }]) {
      stranger.postMessage(data);
    }
    await expect.poll(() => seen).toHaveLength(5);
    stranger.close();
    witness.close();

    expect(b.session.getState().status).toBe('customer');
    expect(heardByB).toEqual([]);
  });
});

describe('on a server', () => {
  it('clients made where there is no document (different visitors) post nothing and hear nothing', async () => {
    vi.stubGlobal('document', undefined);
    const visitorA = setup.client();
    const visitorB = setup.client({ persistence: 'memory' });
    vi.unstubAllGlobals();
    const channel = new BroadcastChannel(namesOf(setup.sim()).channel);
    const heard: unknown[] = [];
    channel.addEventListener('message', (event) => heard.push((event as MessageEvent).data));
    const eventsOfA: string[] = [];
    visitorA.session.on((event) => eventsOfA.push(event.type));

    await visitorA.login(jane);
    await visitorB.login(jane);
    channel.postMessage({ v: 1, type: 'logout', from: 'another-visitor' });
    await visitorA.logout();
    await new Promise((resolve) => setTimeout(resolve, 50));
    channel.close();

    expect(heard).toEqual([]);
    expect(eventsOfA).toEqual(['login', 'logout']);
    expect(visitorB.session.getState().status).toBe('customer');
  });
});
