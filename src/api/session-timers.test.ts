/**
 * Background renewal: tokens are renewed before they expire without anyone asking (a guest's anonymous
 * token, or the customer's while its refresh token lives; see session-lifetimes.test.ts), the timer waits
 * while the page is hidden and catches up when it shows, retries with backoff, can be stopped, and
 * never keeps Node alive. Driven by fake timers (the simulator reads the same faked clock).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { simulatorDefaults, setupTenant } from '../../test/fault-matrix/support';

const setup = setupTenant();
const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };
const seconds = (s: number) => vi.advanceTimersByTimeAsync(s * 1000);
const count = (operation: Parameters<ReturnType<typeof setup.sim>['requestCount']>[0]) => setup.sim().requestCount(operation);

let visibility: DocumentVisibilityState = 'visible';
function setVisibility(next: DocumentVisibilityState) {
  visibility = next;
  document.dispatchEvent(new Event('visibilitychange'));
}

beforeEach(() => {
  visibility = 'visible';
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A client whose refreshes queue in the page (the storage lease would poll on the faked clock). */
const pageClient = (options: Parameters<typeof setup.client>[0] = {}) => setup.client({ persistence: 'memory', ...options });

describe('anonymous token', () => {
  it('is renewed 90 s before it expires, in the same session', async () => {
    const client = pageClient();
    await client.session.ensureAnonymous();
    const { sessionId, expiresAt } = client.session.getState();

    await seconds(3599 - 91);
    expect(count('anonymousRefresh')).toBe(0);
    await seconds(2);
    await vi.waitFor(() => expect(count('anonymousRefresh')).toBe(1));

    expect(client.session.getState().sessionId).toBe(sessionId);
    expect(client.session.getState().expiresAt).toBeGreaterThan(expiresAt ?? Infinity);
  });

  it('honours refreshMarginSeconds', async () => {
    const client = pageClient({ refreshMarginSeconds: 600 });
    await client.session.ensureAnonymous();
    await seconds(3599 - 601);
    expect(count('anonymousRefresh')).toBe(0);
    await seconds(2);
    await vi.waitFor(() => expect(count('anonymousRefresh')).toBe(1));
  });

  it('is replaced by a new anonymous login when its refresh token is refused', async () => {
    const client = pageClient();
    await client.session.ensureAnonymous();
    const { sessionId } = client.session.getState();
    setup.sim().revokeRefreshTokens('anonymous');
    setup.sim().setUndocumented({ refreshRefused: 'invalidRefreshToken401' });

    await seconds(3599 - 89);

    await vi.waitFor(() => expect(count('anonymousLogin')).toBe(2));
    expect(setup.sim().requests.map((r) => [r.operation, r.status])).toEqual([
      ['anonymousLogin', 200],
      ['anonymousRefresh', 401],
      ['anonymousLogin', 200],
    ]);
    expect(client.session.getState().sessionId).not.toBe(sessionId);
  });

  it('waits while the page is hidden and catches up when it shows again', async () => {
    const client = pageClient();
    await client.session.ensureAnonymous();
    setVisibility('hidden');

    await seconds(3599 + 600);
    expect(count('anonymousRefresh')).toBe(0);

    setVisibility('visible');
    await vi.waitFor(() => expect(count('anonymousRefresh')).toBe(1));
    // Expired while hidden, with a live refresh token: renewed in the same session.
    expect(client.session.getState().expiresAt).toBeGreaterThan(Date.now());
  });

  it('retries a failed renewal after 5 s, then 10 s, keeping the session meanwhile', async () => {
    const client = pageClient();
    await client.session.ensureAnonymous();
    const { sessionId } = client.session.getState();
    setup.sim().failNext({ with: 503, count: 2, match: { path: '/anonymous/refresh' } });

    await seconds(3599 - 90 + 20);
    await vi.waitFor(() => expect(count('anonymousRefresh')).toBe(3));

    expect(setup.sim().requests.filter((r) => r.operation === 'anonymousRefresh').map((r) => r.status)).toEqual([503, 503, 200]);
    const sentAt = setup.wire().filter((entry) => entry.url.pathname.endsWith('/anonymous/refresh')).map((entry) => entry.at);
    const gaps = sentAt.slice(1).map((at, i) => at - (sentAt[i] ?? 0));
    expect(gaps).toEqual([5_000, 10_000]);
    expect(client.session.getState().sessionId).toBe(sessionId);
  });

  it('stops for good after dispose()', async () => {
    const client = pageClient();
    await client.session.ensureAnonymous();
    client.dispose();
    await seconds(3 * 3600);
    expect(count('anonymousRefresh')).toBe(0);
    expect(count('anonymousLogin')).toBe(1);
  });
});

describe('customer token', () => {
  it('is renewed before it expires with refreshauthtoken, the anonymous token renewed only then, for it', async () => {
    setup.reconfigure({ lifetimes: { customerAccess: 14_399 } });
    const client = pageClient();
    await client.login(jane);

    await seconds(14_399 - 91);
    expect(count('refreshCustomerToken')).toBe(0);
    expect(count('anonymousRefresh')).toBe(0);
    await seconds(2);
    await vi.waitFor(() => expect(count('refreshCustomerToken')).toBe(1));

    expect(setup.sim().requests.map((r) => [r.operation, r.auth, r.status])).toEqual([
      ['anonymousLogin', 'none', 200],
      ['login', 'anonymous', 200],
      ['anonymousRefresh', 'none', 200],
      ['refreshCustomerToken', 'anonymous', 200],
    ]);
    await expect(client.listAddresses()).resolves.toHaveLength(1);
    expect(count('refreshCustomerToken')).toBe(1);
  });

  it('with a 30-day lifetime (beyond what setTimeout can wait) is not renewed early', async () => {
    setup.reconfigure({
      lifetimes: { customerAccess: 2_591_999, customerRefresh: 5_000_000, anonymousAccess: 2_591_999, anonymousRefresh: 5_000_000 },
    });
    const client = pageClient();
    await client.login(jane);

    await seconds(25 * 86_400);
    expect(count('refreshCustomerToken')).toBe(0);
    await seconds(5 * 86_400);
    await vi.waitFor(() => expect(count('refreshCustomerToken')).toBe(1));
  });

  it('a refused background renewal ends the session with one sessionExpired event', async () => {
    setup.reconfigure({ lifetimes: { customerAccess: 14_399 } });
    const client = pageClient();
    await client.login(jane);
    const events: string[] = [];
    client.session.on((event) => events.push(event.type));
    setup.sim().revokeRefreshTokens('customer');

    await seconds(14_399 - 89);

    await vi.waitFor(() => expect(events).toContain('sessionExpired'));
    expect(events.filter((type) => type === 'sessionExpired')).toHaveLength(1);
    expect(client.session.getState().status).toBe('anonymous');
  });
});

describe('Node', () => {
  it('the renewal timer does not keep the process alive', async () => {
    vi.useRealTimers();
    const handles: { delay: number | undefined; handle: unknown }[] = [];
    const original = globalThis.setTimeout;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, delay?: number) => {
      const handle = original(fn, delay);
      handles.push({ delay, handle });
      return handle;
    }) as typeof setTimeout);
    const client = pageClient();
    await client.session.ensureAnonymous();

    const renewal = handles.find((entry) => (entry.delay ?? 0) > 3_000_000);
    expect(renewal).toBeDefined();
    expect((renewal?.handle as NodeJS.Timeout).hasRef()).toBe(false);
    client.dispose();
  });
});
