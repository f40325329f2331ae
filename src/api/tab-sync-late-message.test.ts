/**
 * A message that a session ended can arrive after this tab already stored something newer: a login made
 * after the logout, or a fresh anonymous token obtained once the storage was empty. The sender emptied
 * the storage before it posted, so whatever the storage holds when the message arrives is newer, and
 * stays. (Found by the soak test, test/soak: a tab forgot its own new session and disagreed with the others.)
 */
import { describe, expect, it } from 'vitest';
import type { TabChannelFactory } from './tab-sync';
import type { SessionEvent } from './session';
import { setupTenant, simulatorDefaults, storedSession } from '../../test/fault-matrix/support';

const setup = setupTenant();
const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };

/** A broadcast channel whose messages wait until `deliver()`, like a busy event loop would delay them. */
function slowChannel() {
  const open: { listeners: ((event: { data: unknown }) => void)[] }[] = [];
  let queue: { from: (typeof open)[number]; data: unknown }[] = [];
  const factory: TabChannelFactory = () => {
    const channel = { listeners: [] as ((event: { data: unknown }) => void)[] };
    open.push(channel);
    return {
      postMessage: (data) => void queue.push({ from: channel, data: structuredClone(data) }),
      addEventListener: (_type, listener) => void channel.listeners.push(listener),
      close: () => void open.splice(open.indexOf(channel), 1),
    };
  };
  const deliver = () => {
    const pending = queue;
    queue = [];
    for (const { from, data } of pending) {
      for (const channel of open) if (channel !== from) for (const listener of channel.listeners) listener({ data });
    }
  };
  return { factory, deliver };
}

function twoTabs() {
  const channel = slowChannel();
  const a = setup.client({ tabSync: channel.factory });
  const b = setup.client({ tabSync: channel.factory });
  const heardByB: SessionEvent['type'][] = [];
  b.session.on((event) => heardByB.push(event.type));
  return { a, b, deliver: channel.deliver, heardByB };
}

describe('a late message that the session ended', () => {
  it('logout in one tab, a new login in the other before the message arrives: both show the new login', async () => {
    const { a, b, deliver, heardByB } = twoTabs();
    await a.login(jane);
    deliver();
    expect(b.session.getState().status).toBe('customer');

    await a.logout();
    await b.login(jane); // before B heard of the logout
    deliver();

    expect(storedSession(setup.sim())).toHaveProperty('customer');
    expect(b.session.getState().status).toBe('customer');
    expect(a.session.getState()).toEqual(b.session.getState());
    expect(heardByB).toContain('logout'); // still told, e.g. to drop what the old session cached
    await expect(b.listAddresses()).resolves.toBeDefined();
  });

  it('a refused refresh in one tab, a new anonymous session in the other meanwhile: both keep it', async () => {
    const { a, b, deliver, heardByB } = twoTabs();
    await a.login(jane);
    deliver();
    setup.sim().revokeRefreshTokens('customer');

    await expect(a.refreshCustomerToken()).rejects.toMatchObject({ type: 'session_expired' });
    await b.session.refreshAnonymous(); // finds the storage empty and starts a new anonymous session
    deliver();

    const { sessionId } = b.session.getState();
    expect(sessionId).toBeDefined();
    expect(a.session.getState()).toEqual(b.session.getState());
    expect(b.session.getState()).toMatchObject({ status: 'anonymous', sessionId });
    expect(heardByB).toEqual(['login', 'sessionExpired']);
  });

  it('when the storage is empty as the sender left it, the session is dropped as before', async () => {
    const { a, b, deliver, heardByB } = twoTabs();
    await a.login(jane);
    deliver();

    await a.logout();
    deliver();

    expect(b.session.getState()).toMatchObject({ status: 'anonymous', sessionId: undefined, customerId: undefined });
    expect(b.session.getSaasToken()).toBeUndefined();
    expect(heardByB).toEqual(['login', 'logout']);
  });
});
