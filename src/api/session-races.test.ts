/**
 * A refresh answer that arrives after the session changed (logout, another login, in this tab or
 * another) must not bring the old session back, nor hand anyone the tokens of the login that is current
 * by then: the renewal was for a login that is over, and says so (`session_changed`). A gate holds the
 * refresh answer until the change is done.
 */
import { describe, expect, it } from 'vitest';
import { setupTenant, simulatorDefaults, storedSession } from '../../test/fault-matrix/support';

const setup = setupTenant();
const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };
const bob = { email: 'bob@example.com', password: 'bob-secret-1' };

/** A fetch that holds the answer to refreshauthtoken (already handled by the server) until `open()`. */
function gatedRefresh() {
  let open!: () => void;
  let arrived!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const held = new Promise<void>((resolve) => (arrived = resolve));
  const gated: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (String(input).includes('/refreshauthtoken')) {
      arrived();
      await gate;
    }
    return response;
  };
  return { fetch: gated, held, open };
}

describe('a refresh in flight when the session changes', () => {
  it('logout meanwhile: the session stays ended, and the refresh says its session is over', async () => {
    const gate = gatedRefresh();
    const client = setup.client({ fetch: gate.fetch });
    await client.login(jane);

    const refresh = client.refreshCustomerToken().catch((e: unknown) => e);
    await gate.held;
    await client.logout();
    gate.open();

    await expect(refresh).resolves.toMatchObject({ type: 'session_changed' });
    expect(client.session.getState()).toMatchObject({ status: 'anonymous', customerId: undefined });
    expect(storedSession(setup.sim())).toBeNull();
  });

  it('another customer logs in meanwhile in another tab: the old customer never comes back', async () => {
    const bobId = setup.sim().seedCustomer(bob);
    const gate = gatedRefresh();
    const tabA = setup.client({ fetch: gate.fetch });
    await tabA.login(jane);
    const tabB = setup.client();

    const refresh = tabA.refreshCustomerToken().catch((e: unknown) => e);
    await gate.held;
    await tabB.logout();
    await tabB.login(bob);
    const bobsTokens = JSON.stringify(storedSession(setup.sim())?.customer);
    gate.open();

    await expect(refresh).resolves.toMatchObject({ type: 'session_changed' });
    expect(JSON.stringify(storedSession(setup.sim())?.customer)).toBe(bobsTokens);
    expect((storedSession(setup.sim())?.customer as { customerId: string }).customerId).toBe(bobId);
    expect(tabA.session.getState()).toMatchObject({ status: 'customer', customerId: bobId });
    await expect(tabA.getCustomer()).resolves.toMatchObject({ id: bobId });
  });
});
