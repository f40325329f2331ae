/**
 * Mutual exclusion for token refreshes, so that one refresh per token kind runs at a time — within a tab
 * and across the tabs of one browser. Three implementations behind one interface:
 * - Web Locks (`navigator.locks`), where the browser has them;
 * - a lease in the shared storage (`{ owner, expiresAt }` under `<name>:lock`), polled, released on
 *   `pagehide`, taken over once its lease ran out — for browsers without Web Locks;
 * - a queue inside this page, for sessions no other tab shares (`'session'`, `'memory'`).
 * Whichever is used, a holder keeps the lock at most `timeoutMs`: then its task is aborted with a
 * `timeout` error and the next waiter gets its turn, so a stuck refresh never deadlocks the others.
 */
import { EmporixError } from './errors';
import type { PersistenceAdapter } from './persistence';
import { randomHex } from './random-hex';

/**
 * Runs token renewals one at a time, in this tab and across tabs, so a refresh token is never spent twice.
 * `createCustomerClient` picks one by itself; pass your own as its `lock` option only to replace that choice.
 */
export interface RefreshLock {
  /**
   * Runs `task` while holding the lock called `name`; callers run one after another. The task's signal
   * aborts when it has held the lock too long (the promise then rejects with a `timeout` `EmporixError`).
   */
  run<T>(name: string, task: (signal: AbortSignal) => Promise<T>): Promise<T>;
}

/** Options of the refresh locks. */
export interface RefreshLockOptions {
  /** Longest a holder keeps the lock, in milliseconds (default 10 000). A waiter gives up after twice that. */
  timeoutMs?: number;
}

/** Options of `createStorageRefreshLock`. */
export interface StorageRefreshLockOptions extends RefreshLockOptions {
  /** How often a waiter looks at the lease again, in milliseconds (default 50). */
  pollMs?: number;
}

/** The part of the Web Locks `LockManager` this module uses. */
export interface LockManagerLike {
  /** Runs `callback` while holding the lock `name`; aborting `signal` gives up waiting for it. */
  request<T>(name: string, options: { signal?: AbortSignal }, callback: () => Promise<T>): Promise<T>;
}

const DEFAULT_LOCK_TIMEOUT_MS = 10_000;
const DEFAULT_POLL_MS = 50;

/** The lock over `navigator.locks` (or another `LockManager`). */
export function createWebLocksRefreshLock(locks: LockManagerLike, options: RefreshLockOptions = {}): RefreshLock {
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  return {
    async run(name, task) {
      const waiting = new AbortController();
      const timer = setTimeout(() => waiting.abort(lockTimeout()), 2 * timeoutMs);
      try {
        return await locks.request(name, { signal: waiting.signal }, () => {
          clearTimeout(timer);
          return holdAtMost(timeoutMs, task);
        });
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

interface Lease {
  owner: string;
  expiresAt: number;
}

/**
 * A lease kept in a storage every tab sees (e.g. `localStorage`). Web Storage has no compare-and-set:
 * a taker writes its lease, waits one poll interval and only proceeds if the lease is still its own.
 */
export function createStorageRefreshLock(storage: PersistenceAdapter, options: StorageRefreshLockOptions = {}): RefreshLock {
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;

  const read = (key: string): Lease | undefined => {
    try {
      const lease = JSON.parse(storage.get(key) ?? 'null') as Partial<Lease> | null;
      return typeof lease?.owner === 'string' && typeof lease.expiresAt === 'number' ? (lease as Lease) : undefined;
    } catch {
      return undefined;
    }
  };

  async function acquire(key: string, owner: string): Promise<void> {
    const giveUpAt = Date.now() + 2 * timeoutMs;
    for (;;) {
      const lease = read(key);
      if (!lease || lease.expiresAt <= Date.now()) {
        storage.set(key, JSON.stringify({ owner, expiresAt: Date.now() + timeoutMs } satisfies Lease));
        await delay(pollMs);
        if (read(key)?.owner === owner) return;
      } else {
        await delay(pollMs);
      }
      if (Date.now() >= giveUpAt) throw lockTimeout();
    }
  }

  return {
    async run(name, task) {
      const key = `${name}:lock`;
      const owner = randomHex(12);
      await acquire(key, owner);
      const release = () => {
        if (read(key)?.owner === owner) storage.remove(key);
      };
      const page = globalThis as Partial<Pick<Window, 'addEventListener' | 'removeEventListener'>>;
      page.addEventListener?.('pagehide', release);
      try {
        return await holdAtMost(timeoutMs, task);
      } finally {
        page.removeEventListener?.('pagehide', release);
        release();
      }
    },
  };
}

/** Serialises callers of one name within this page. */
export function createLocalRefreshLock(options: RefreshLockOptions = {}): RefreshLock {
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(name, task) {
      const previous = tails.get(name) ?? Promise.resolve();
      const turn = () => holdAtMost(timeoutMs, task);
      const result = previous.then(turn, turn);
      const tail = result.catch(() => undefined);
      tails.set(name, tail);
      void tail.then(() => {
        if (tails.get(name) === tail) tails.delete(name);
      });
      return result;
    },
  };
}

/**
 * The lock a session uses unless one is given: a page-local queue when no other tab shares the
 * storage, else Web Locks in a page that has them, else a lease in that storage.
 */
export function defaultRefreshLock(shared: PersistenceAdapter | undefined): RefreshLock {
  if (!shared) return createLocalRefreshLock();
  // Only a page has tabs to agree with; on a server, Web Locks would queue different visitors together.
  const inPage = typeof globalThis.document !== 'undefined';
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  if (inPage && locks && typeof locks.request === 'function') return createWebLocksRefreshLock(locks);
  return createStorageRefreshLock(shared);
}

async function holdAtMost<T>(timeoutMs: number, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = lockTimeout();
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    return await Promise.race([task(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function lockTimeout(): EmporixError {
  return new EmporixError({
    status: 0,
    type: 'timeout',
    message: 'Renewing the session took too long; please try again.',
    operation: 'refreshSession',
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
