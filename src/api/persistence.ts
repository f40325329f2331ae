/**
 * Where the session's tokens live between page loads. Only tokens, their expiry, the session id and the
 * legal entity are stored — never profile data — under one key namespaced by tenant.
 */

/** A storage of your own, e.g. cookies managed by the shop's backend. */
export interface PersistenceAdapter {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

/**
 * - `'local'` (default): the shopper stays logged in across reloads and tabs.
 * - `'session'`: survives reloads, ends with the tab.
 * - `'memory'`: ends with the page; nothing touches Web Storage.
 * - an adapter: your own storage.
 */
export type Persistence = 'local' | 'session' | 'memory' | PersistenceAdapter;

export interface StoredTokens {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** When to renew it (epoch ms): the refresh margin before expiry, but never before half its lifetime. */
  renewAt?: number | undefined;
  refreshToken?: string | undefined;
  refreshExpiresAt?: number | undefined;
}

export interface StoredAnonymous extends StoredTokens {
  /** Absent when the API answered without one (it sometimes does). */
  sessionId?: string | undefined;
}

export interface StoredCustomer extends StoredTokens {
  saasToken?: string | undefined;
  sessionId?: string | undefined;
  customerId?: string | undefined;
  legalEntityId?: string | undefined;
}

export interface StoredSession {
  anonymous?: StoredAnonymous | undefined;
  customer?: StoredCustomer | undefined;
}

export function storageKey(tenant: string): string {
  return `emporix-customer-react:${tenant}:session`;
}

function memoryAdapter(): PersistenceAdapter {
  const values = new Map<string, string>();
  return {
    get: (key) => values.get(key) ?? null,
    set: (key, value) => void values.set(key, value),
    remove: (key) => void values.delete(key),
  };
}

function webStorageAdapter(pick: () => Storage | undefined): PersistenceAdapter {
  // Web Storage may be missing (server rendering) or throw (privacy modes, quota): degrade to memory.
  const fallback = memoryAdapter();
  const storage = (): Storage | undefined => {
    try {
      return pick();
    } catch {
      return undefined;
    }
  };
  return {
    get: (key) => {
      try {
        return storage()?.getItem(key) ?? fallback.get(key);
      } catch {
        return fallback.get(key);
      }
    },
    set: (key, value) => {
      try {
        const target = storage();
        if (target) target.setItem(key, value);
        else fallback.set(key, value);
      } catch {
        fallback.set(key, value);
      }
    },
    remove: (key) => {
      fallback.remove(key);
      try {
        storage()?.removeItem(key);
      } catch {
        // nothing stored there to remove
      }
    },
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

/** Reads the stored session, treating anything unreadable as no session rather than failing. */
export function readSession(adapter: PersistenceAdapter, key: string): StoredSession {
  const raw = adapter.get(key);
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== 'object') return {};
    const { anonymous, customer } = parsed as StoredSession;
    return {
      anonymous: isTokens(anonymous) && ['string', 'undefined'].includes(typeof anonymous.sessionId) ? anonymous : undefined,
      customer: isTokens(customer) ? customer : undefined,
    };
  } catch {
    return {};
  }
}

export function writeSession(adapter: PersistenceAdapter, key: string, session: StoredSession): void {
  if (!session.anonymous && !session.customer) adapter.remove(key);
  else adapter.set(key, JSON.stringify(session));
}

/**
 * Replaces one part of the stored session, keeping the other part as storage has it now: another tab
 * may have renewed that one meanwhile, and writing back an older copy would undo its renewal.
 */
export function updateSession(adapter: PersistenceAdapter, key: string, part: StoredSession): StoredSession {
  const next = { ...readSession(adapter, key), ...part };
  writeSession(adapter, key, next);
  return next;
}

function isTokens(value: unknown): value is StoredTokens {
  if (!value || typeof value !== 'object') return false;
  const tokens = value as Partial<StoredTokens>;
  return typeof tokens.accessToken === 'string' && typeof tokens.expiresAt === 'number';
}
