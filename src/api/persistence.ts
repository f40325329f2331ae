/**
 * Where the session's tokens live between page loads: Web Storage, memory, or an adapter of the app's own.
 * What is stored, and how it is checked when read back, is `stored-session.ts`.
 */

/** A storage of your own, e.g. cookies managed by the shop's backend. */
export interface PersistenceAdapter {
  /** The value stored under `key`, or `null` when there is none. */
  get(key: string): string | null;
  /** Stores `value` under `key`. */
  set(key: string, value: string): void;
  /** Deletes `key`, e.g. at logout. */
  remove(key: string): void;
}

/**
 * - `'local'` (default): the shopper stays logged in across reloads and tabs.
 * - `'session'`: survives reloads, ends with the tab.
 * - `'memory'`: ends with the page; nothing touches Web Storage.
 * - an adapter: your own storage.
 */
export type Persistence = 'local' | 'session' | 'memory' | PersistenceAdapter;

function memoryAdapter(): PersistenceAdapter {
  const values = new Map<string, string>();
  return {
    get: (key) => values.get(key) ?? null,
    set: (key, value) => void values.set(key, value),
    remove: (key) => void values.delete(key),
  };
}

/**
 * Web Storage that may be missing (server rendering) or start throwing (privacy modes, a full quota): a
 * write it refuses goes to memory, and from then on memory holds the newest value of that key (`null` for a
 * removal) and is read first — until the storage takes a write of that key again. Reading the storage's
 * older copy instead would bring back tokens already replaced, e.g. a refresh token rotated away.
 */
function webStorageAdapter(pick: () => Storage | undefined): PersistenceAdapter {
  const newer = new Map<string, string | null>();
  const storage = (): Storage | undefined => {
    try {
      return pick();
    } catch {
      return undefined;
    }
  };
  const attempt = (key: string, write: (target: Storage) => void, fallback: string | null) => {
    try {
      const target = storage();
      if (!target) throw new Error('no storage');
      write(target);
      newer.delete(key);
    } catch {
      newer.set(key, fallback);
    }
  };
  return {
    get: (key) => {
      if (newer.has(key)) return newer.get(key) ?? null;
      try {
        return storage()?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    set: (key, value) => attempt(key, (target) => target.setItem(key, value), value),
    remove: (key) => attempt(key, (target) => target.removeItem(key), null),
  };
}

/** Whether other tabs see the same storage (and so must be told, and must not refresh at the same time). */
export function isSharedPersistence(persistence: Persistence = 'local'): boolean {
  return persistence !== 'session' && persistence !== 'memory';
}

export function resolvePersistence(persistence: Persistence = 'local'): PersistenceAdapter {
  switch (persistence) {
    case 'local':
      return webStorageAdapter(() => globalThis.localStorage);
    case 'session':
      return webStorageAdapter(() => globalThis.sessionStorage);
    case 'memory':
      return memoryAdapter();
    default:
      return persistence;
  }
}
