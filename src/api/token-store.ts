/**
 * The per-identity token store: the session's tokens as this tab knows them, kept in step with the
 * persistence storage and with the other tabs (which it tells what changed, and hears from).
 *
 * Every write that follows a request is compare-and-set against the storage as it is now: a renewal names
 * the login and the tokens it started from and is dropped if the storage holds anything else by then, and
 * ending a session after a refused refresh names the login it ends. An answer that arrives after a logout
 * or another login therefore never lands on, or removes, the session of a different identity.
 *
 * It is the seam for other ways of keeping tokens: the session logic only talks to this interface.
 */
import type { PersistenceAdapter } from './persistence';
import {
  readSession,
  writeSession,
  type StoredAnonymous,
  type StoredCustomer,
  type StoredSession,
  type StoredTokens,
} from './stored-session';
import { createTabSync, type TabChannelFactory, type TabMessageType } from './tab-sync';

export type SessionEnd = 'logout' | 'sessionExpired';

/** Why the session as this tab knows it may have changed. */
export type StoreChange =
  | { by: 'this tab'; ended?: SessionEnd }
  | { by: 'another tab'; message: TabMessageType };

export interface TokenStore {
  /** The session as this tab last read or wrote it. */
  current(): StoredSession;
  /** Reads the storage again (another tab may have written since) and returns the session. */
  reload(): StoredSession;
  /** Stores anonymous tokens; a renewal (`from` given) only while the storage still holds `from`. */
  putAnonymous(next: StoredAnonymous, from?: StoredAnonymous): boolean;
  /** Stores the tokens of a new login, replacing whatever customer was stored. */
  startLogin(customer: StoredCustomer): void;
  /** Stores renewed tokens of a login, only while the storage still holds `from` (same login, same tokens). */
  renewLogin(next: StoredCustomer, from: StoredCustomer, message: 'tokens' | 'legalEntity'): boolean;
  /**
   * Forgets every token and tells the other tabs — only while login `loginId` (`undefined`: no customer, a
   * guest's session) is the stored one: a session is ended by its own logout or refused refresh, never by
   * one made for a login that is over. Returns what it removed, or `undefined` when it left storage alone.
   */
  end(reason: SessionEnd, loginId: string | undefined): StoredSession | undefined;
  /** Stops hearing the other tabs. */
  close(): void;
}

export interface TokenStoreOptions {
  adapter: PersistenceAdapter;
  key: string;
  /** The channel the tabs share; `undefined`: no other tab shares this storage. */
  channel: { name: string; factory: TabChannelFactory | undefined };
  onChange: (change: StoreChange) => void;
}

const sameTokens = (a: StoredTokens | undefined, b: StoredTokens) =>
  a?.accessToken === b.accessToken && a.refreshToken === b.refreshToken;

export function createTokenStore({ adapter, key, channel, onChange }: TokenStoreOptions): TokenStore {
  let session = readSession(adapter, key);
  const tabs = createTabSync(channel.name, channel.factory, (message) => {
    session = readSession(adapter, key);
    onChange({ by: 'another tab', message });
  });

  /** The storage as it is now, which this tab then also knows. */
  function latest(): StoredSession {
    session = readSession(adapter, key);
    return session;
  }

  function write(next: StoredSession, message: TabMessageType, change: StoreChange = { by: 'this tab' }): void {
    writeSession(adapter, key, next);
    session = next;
    onChange(change);
    tabs.post(message);
  }

  /** A compare-and-set that found something else stored: this tab takes up what is stored instead. */
  function refused(): false {
    onChange({ by: 'this tab' });
    return false;
  }

  return {
    current: () => session,
    reload() {
      latest();
      onChange({ by: 'this tab' });
      return session;
    },
    putAnonymous(next, from) {
      const stored = latest();
      if (from && !sameTokens(stored.anonymous, from)) return refused();
      write({ ...stored, anonymous: next }, 'tokens');
      return true;
    },
    startLogin(customer) {
      write({ ...latest(), customer }, 'tokens');
    },
    renewLogin(next, from, message) {
      const stored = latest();
      if (stored.customer?.loginId !== from.loginId || !sameTokens(stored.customer, from)) return refused();
      write({ ...stored, customer: next }, message);
      return true;
    },
    end(reason, loginId) {
      const stored = latest();
      if (stored.customer?.loginId !== loginId) {
        refused();
        return undefined;
      }
      write({}, reason, { by: 'this tab', ended: reason });
      return stored;
    },
    close: () => tabs.close(),
  };
}
