/**
 * Mutual exclusion for token refreshes, so that one refresh per token kind runs at a time — within a tab
 * and across the tabs of one browser. Web Locks are used where the browser has them; elsewhere a lock
 * that only serialises callers of this client is the fallback.
 */

export interface RefreshLock {
  /** Runs `task` while holding the lock called `name`; waiters run one after another. */
  run<T>(name: string, task: () => Promise<T>): Promise<T>;
}

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export function createRefreshLock(namespace: string, locks?: LockManagerLike): RefreshLock {
  const manager = locks ?? webLocks();
  if (manager) {
    return { run: (name, task) => manager.request(`${namespace}:${name}`, task) };
  }
  return createLocalLock();
}

/** Serialises tasks of one name within this JavaScript realm. */
export function createLocalLock(): RefreshLock {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(name, task) {
      const previous = tails.get(name) ?? Promise.resolve();
      const result = previous.then(task, task);
      const tail = result.catch(() => undefined);
      tails.set(name, tail);
      void tail.then(() => {
        if (tails.get(name) === tail) tails.delete(name);
      });
      return result;
    },
  };
}

function webLocks(): LockManagerLike | undefined {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  return locks && typeof locks.request === 'function' ? locks : undefined;
}
