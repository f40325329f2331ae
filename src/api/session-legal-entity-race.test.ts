/**
 * Legal-entity switches and plain refreshes at the same time (both found by the soak test, test/soak):
 * - a plain "refresh now" renews for the legal entity that is current when its turn comes, not the one
 *   its tab knew when it was called: a switch another tab made meanwhile stays;
 * - a switch is a request of its own: made while a renewal is in flight in the same tab, it does not
 *   join that renewal (which would resolve without switching).
 */
import { describe, expect, it } from 'vitest';
import { createFakeLockManager, setupTenant, simulatorDefaults, storedSession } from '../../test/fault-matrix/support';
import { createWebLocksRefreshLock } from './refresh-lock';

const setup = setupTenant({ legalEntities: { [simulatorDefaults.email]: [{ id: 'LE-7', name: 'Doe Trading' }] } });
const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };

/** A fetch that holds the first answer to refreshauthtoken (already handled by the server) until `open()`; `sent` lists every URL. */
function gatedFirstRefresh() {
  let open!: () => void;
  let arrived!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const held = new Promise<void>((resolve) => (arrived = resolve));
  let first = true;
  const sent: URL[] = [];
  const gated: typeof fetch = async (input, init) => {
    sent.push(new URL(String(input)));
    const response = await fetch(input, init);
    if (first && String(input).includes('/refreshauthtoken')) {
      first = false;
      arrived();
      await gate;
    }
    return response;
  };
  return { fetch: gated, held, open, sent };
}

describe('a refresh while another tab switches legal entity', () => {
  it('keeps the switch: the refresh renews for the legal entity current under the lock', async () => {
    const manager = createFakeLockManager();
    const gate = gatedFirstRefresh();
    const tabA = setup.client({ fetch: gate.fetch, lock: createWebLocksRefreshLock(manager) });
    await tabA.login(jane);
    const tabB = setup.client({ lock: createWebLocksRefreshLock(manager) });
    expect(tabB.session.getState()).toMatchObject({ status: 'customer', legalEntityId: undefined });

    const switched = tabA.refreshCustomerToken({ legalEntityId: 'LE-7' });
    await gate.held; // the switch holds the lock; tab B has not heard of it yet
    const refreshed = tabB.refreshCustomerToken();
    gate.open();
    await Promise.all([switched, refreshed]);

    expect((storedSession(setup.sim())?.customer as { legalEntityId?: string }).legalEntityId).toBe('LE-7');
    await expect.poll(() => tabB.session.getState().legalEntityId).toBe('LE-7');
    expect(tabA.session.getState().legalEntityId).toBe('LE-7');
    await expect(tabA.validateToken()).resolves.toMatchObject({ legalEntityId: 'LE-7' });
    await expect(tabB.validateToken()).resolves.toMatchObject({ legalEntityId: 'LE-7' });
  });

  it('a switch while a renewal is in flight in the same tab still switches, after it', async () => {
    const gate = gatedFirstRefresh();
    const client = setup.client({ fetch: gate.fetch });
    await client.login(jane);
    setup.sim().expireTokens('customer');
    const read = client.getCustomer(); // refused: a renewal (no switch) starts
    await gate.held; // …and is still in flight

    const switched = client.refreshCustomerToken({ legalEntityId: 'LE-7' });
    gate.open();
    await Promise.all([read, switched]);

    expect(client.session.getState().legalEntityId).toBe('LE-7');
    await expect(client.validateToken()).resolves.toMatchObject({ legalEntityId: 'LE-7' });
    const refreshes = gate.sent.filter((url) => url.pathname.endsWith('/refreshauthtoken'));
    expect(refreshes.map((url) => url.searchParams.get('legalEntityId'))).toEqual([null, 'LE-7']);
  });

  it('an explicit legal entity still switches', async () => {
    const client = setup.client();
    await client.login(jane);
    await client.refreshCustomerToken({ legalEntityId: 'LE-7' });
    await client.refreshCustomerToken();

    expect(client.session.getState().legalEntityId).toBe('LE-7');
    const sent = setup.wire().filter((entry) => entry.url.pathname.endsWith('/refreshauthtoken'));
    expect(sent.map((entry) => entry.url.searchParams.get('legalEntityId'))).toEqual(['LE-7', 'LE-7']);
  });
});
