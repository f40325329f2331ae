/**
 * The refresh locks on their own: one holder at a time, a holder that overstays is cut off with a
 * typed error, a waiter never waits forever, and nothing is left behind in storage.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EmporixError } from './errors';
import type { PersistenceAdapter } from './persistence';
import {
  createLocalRefreshLock,
  createStorageRefreshLock,
  createWebLocksRefreshLock,
  defaultRefreshLock,
  type RefreshLock,
} from './refresh-lock';
import { createFakeLockManager } from '../../test/fault-matrix/support';

const local: PersistenceAdapter = {
  get: (key) => localStorage.getItem(key),
  set: (key, value) => localStorage.setItem(key, value),
  remove: (key) => localStorage.removeItem(key),
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Runs two overlapping tasks through two locks of the same name and reports the order of events. */
async function contend(first: RefreshLock, second: RefreshLock): Promise<string[]> {
  const log: string[] = [];
  const task = (who: string) => async () => {
    log.push(`${who} in`);
    await sleep(30);
    log.push(`${who} out`);
    return who;
  };
  const results = await Promise.all([first.run('app:customer', task('a')), second.run('app:customer', task('b'))]);
  expect(results).toEqual(['a', 'b']);
  return log;
}

/** Two locks of one kind that contend with each other, as two tabs (or two callers of one page) would. */
const kinds: [string, (timeoutMs?: number) => [RefreshLock, RefreshLock]][] = [
  [
    'storage lease',
    (timeoutMs) => [
      createStorageRefreshLock(local, { timeoutMs, pollMs: 5 }),
      createStorageRefreshLock(local, { timeoutMs, pollMs: 5 }),
    ],
  ],
  [
    'Web Locks',
    (timeoutMs) => {
      const manager = createFakeLockManager();
      return [createWebLocksRefreshLock(manager, { timeoutMs }), createWebLocksRefreshLock(manager, { timeoutMs })];
    },
  ],
  [
    'page-local queue',
    (timeoutMs) => {
      const lock = createLocalRefreshLock({ timeoutMs });
      return [lock, lock];
    },
  ],
];

describe.each(kinds)('%s', (_, make) => {
  it('lets one holder in at a time', async () => {
    const [first, second] = make();
    expect(await contend(first, second)).toEqual(['a in', 'a out', 'b in', 'b out']);
  });

  it('cuts off a holder that overstays with a typed timeout, aborts its signal, and lets the next in', async () => {
    const [stuckLock, nextLock] = make(100);
    let signal: AbortSignal | undefined;
    const stuck = stuckLock.run('app:customer', (s) => {
      signal = s;
      return new Promise<never>(() => {});
    });
    const next = nextLock.run('app:customer', async () => 'next');

    await expect(stuck).rejects.toBeInstanceOf(EmporixError);
    await expect(stuck).rejects.toMatchObject({ type: 'timeout', status: 0 });
    expect(signal?.aborted).toBe(true);
    expect(signal?.reason).toMatchObject({ type: 'timeout' });
    await expect(next).resolves.toBe('next');
  });

  it('a failed task does not keep the lock', async () => {
    const [first, second] = make();
    await expect(first.run('app:anonymous', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(second.run('app:anonymous', async () => 'after')).resolves.toBe('after');
  });
});

describe('storage lease', () => {
  it('keeps {owner, expiresAt} under <name>:lock while held, and removes it after', async () => {
    const lock = createStorageRefreshLock(local, { timeoutMs: 1_000, pollMs: 5 });
    let seen: unknown;
    await lock.run('app:customer', async () => {
      seen = JSON.parse(localStorage.getItem('app:customer:lock') ?? 'null');
    });
    expect(seen).toEqual({ owner: expect.any(String), expiresAt: expect.any(Number) });
    expect((seen as { expiresAt: number }).expiresAt).toBeLessThanOrEqual(Date.now() + 1_000);
    expect(localStorage.getItem('app:customer:lock')).toBeNull();
  });

  it('releases on pagehide, so a closing tab does not block the others for the whole lease', async () => {
    const lock = createStorageRefreshLock(local, { timeoutMs: 60_000, pollMs: 5 });
    let release: (() => void) | undefined;
    const held = lock.run('app:customer', () => new Promise<void>((resolve) => (release = resolve)));
    await vi.waitFor(() => expect(release).toBeDefined());
    expect(localStorage.getItem('app:customer:lock')).not.toBeNull();

    window.dispatchEvent(new Event('pagehide'));

    expect(localStorage.getItem('app:customer:lock')).toBeNull();
    release?.();
    await held;
  });

  it('a waiter behind a lease that is always renewed gives up after twice the timeout, typed', async () => {
    const lock = createStorageRefreshLock(local, { timeoutMs: 50, pollMs: 5 });
    const keepAlive = setInterval(
      () => localStorage.setItem('app:customer:lock', JSON.stringify({ owner: 'busy-tab', expiresAt: Date.now() + 50 })),
      5,
    );
    const started = Date.now();
    try {
      await expect(lock.run('app:customer', async () => 'never')).rejects.toMatchObject({ type: 'timeout' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    } finally {
      clearInterval(keepAlive);
    }
  });

  it('treats an unreadable lease as free', async () => {
    localStorage.setItem('app:customer:lock', 'not json');
    const lock = createStorageRefreshLock(local, { pollMs: 5 });
    await expect(lock.run('app:customer', async () => 'ok')).resolves.toBe('ok');
  });
});

describe('the default lock', () => {
  it('is Web Locks where navigator.locks exists', async () => {
    const manager = createFakeLockManager();
    const request = vi.spyOn(manager, 'request');
    vi.stubGlobal('navigator', { ...navigator, locks: manager });
    await defaultRefreshLock(local).run('app:anonymous', async () => undefined);
    expect(request).toHaveBeenCalledWith('app:anonymous', expect.anything(), expect.any(Function));
  });

  it('is the storage lease without navigator.locks, and a page-local queue for an unshared storage', async () => {
    const seen: (string | null)[] = [];
    await defaultRefreshLock(local).run('app:anonymous', async () => void seen.push(localStorage.getItem('app:anonymous:lock')));
    await defaultRefreshLock(undefined).run('app:anonymous', async () => void seen.push(localStorage.getItem('app:anonymous:lock')));
    expect(seen[0]).not.toBeNull();
    expect(seen[1]).toBeNull();
  });
});
