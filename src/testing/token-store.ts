/**
 * Access and refresh tokens. A "grant" is one sign-in (anonymous login, customer login, …);
 * refreshes stay in the grant, logout ends the whole grant.
 */
import { fakeJwt, randomToken } from './random';
import { refuse } from './refusal';
import type { SimulatorTokenKind, TokenLifetimes } from './types';

export type TokenKind = 'anonymous' | 'customer';

export interface TokenRecord {
  kind: TokenKind;
  grantId: number;
  sessionId: string;
  customerId?: string;
  legalEntityId?: string;
  expiresAt: number;
  revoked: boolean;
}

export type AccessRecord = TokenRecord & { token: string };

/** What a token-issuing operation answers with. */
export interface IssuedTokens {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
  sessionId: string;
  saasToken?: string;
  legalEntityId?: string;
}

export type AccessLookup =
  | { status: 'valid'; record: AccessRecord }
  | { status: 'expired'; record: AccessRecord }
  | { status: 'unknown' };

export interface CustomerGrantInput {
  customerId: string;
  sessionId: string;
  legalEntityId?: string;
  /** Whether the answer carries a saas_token (not on refresh). */
  withSaasToken: boolean;
}

/** Every token as plain JSON (what `toJSON` gives and `restore` takes). */
export interface TokenStoreData {
  access: [string, TokenRecord][];
  refresh: [string, TokenRecord][];
  nextGrant: number;
}

function matchesKind(record: TokenRecord, kind: SimulatorTokenKind): boolean {
  return kind === 'all' || record.kind === kind;
}

export class TokenStore {
  private readonly access = new Map<string, TokenRecord>();
  private readonly refresh = new Map<string, TokenRecord>();
  private nextGrant = 1;

  constructor(
    private readonly now: () => number,
    private readonly lifetimes: TokenLifetimes,
  ) {}

  toJSON(): TokenStoreData {
    return { access: [...this.access], refresh: [...this.refresh], nextGrant: this.nextGrant };
  }

  /** A token store from what `toJSON` gave (e.g. in another tab). */
  static restore(data: TokenStoreData, now: () => number, lifetimes: TokenLifetimes): TokenStore {
    const store = new TokenStore(now, lifetimes);
    for (const [token, record] of data.access) store.access.set(token, record);
    for (const [token, record] of data.refresh) store.refresh.set(token, record);
    store.nextGrant = data.nextGrant;
    return store;
  }

  private lifetime(kind: TokenKind, which: 'access' | 'refresh'): number {
    if (kind === 'anonymous') return which === 'access' ? this.lifetimes.anonymousAccess : this.lifetimes.anonymousRefresh;
    return which === 'access' ? this.lifetimes.customerAccess : this.lifetimes.customerRefresh;
  }

  private remaining(record: TokenRecord): number {
    return Math.max(0, Math.ceil((record.expiresAt - this.now()) / 1000));
  }

  private isLive(record: TokenRecord): boolean {
    return !record.revoked && this.now() < record.expiresAt;
  }

  private mintAccess(base: Omit<TokenRecord, 'expiresAt' | 'revoked'>): string {
    const token = randomToken(28);
    const expiresAt = this.now() + this.lifetime(base.kind, 'access') * 1000;
    this.access.set(token, { ...base, expiresAt, revoked: false });
    return token;
  }

  private mintRefresh(base: Omit<TokenRecord, 'expiresAt' | 'revoked'>): string {
    const token = randomToken(32);
    const expiresAt = this.now() + this.lifetime(base.kind, 'refresh') * 1000;
    this.refresh.set(token, { ...base, expiresAt, revoked: false });
    return token;
  }

  /** A JWT like the reference's example: subject, issued-at, expiry and a unique id. */
  private saasToken(customerId: string): string {
    const iat = Math.floor(this.now() / 1000);
    const lifetime = this.lifetimes.saasToken ?? this.lifetimes.customerAccess;
    return fakeJwt({ sub: customerId, iat, exp: iat + lifetime, jti: randomToken(16) });
  }

  issueAnonymous(sessionId: string): IssuedTokens {
    const base = { kind: 'anonymous' as const, grantId: this.nextGrant++, sessionId };
    const refreshToken = this.mintRefresh(base);
    return {
      accessToken: this.mintAccess(base),
      expiresIn: this.lifetimes.anonymousAccess,
      refreshToken,
      refreshExpiresIn: this.lifetimes.anonymousRefresh,
      sessionId,
    };
  }

  /**
   * New anonymous access token in the same session. The refresh token stays the same (its lifetime counts
   * down), or with `rotate` a new one of full lifetime replaces it and the old one stops working.
   */
  refreshAnonymous(refreshToken: string, rotate = false): IssuedTokens {
    const record = this.liveRefresh(refreshToken, 'anonymous');
    const base = { kind: 'anonymous' as const, grantId: record.grantId, sessionId: record.sessionId };
    const accessToken = this.mintAccess(base);
    if (rotate) this.refresh.delete(refreshToken);
    return {
      accessToken,
      expiresIn: this.lifetimes.anonymousAccess,
      refreshToken: rotate ? this.mintRefresh(base) : refreshToken,
      refreshExpiresIn: rotate ? this.lifetimes.anonymousRefresh : this.remaining(record),
      sessionId: record.sessionId,
    };
  }

  issueCustomer(input: CustomerGrantInput, grantId = this.nextGrant++): IssuedTokens {
    const base = {
      kind: 'customer' as const,
      grantId,
      sessionId: input.sessionId,
      customerId: input.customerId,
      ...(input.legalEntityId ? { legalEntityId: input.legalEntityId } : {}),
    };
    return {
      accessToken: this.mintAccess(base),
      expiresIn: this.lifetimes.customerAccess,
      refreshToken: this.mintRefresh(base),
      refreshExpiresIn: this.lifetimes.customerRefresh,
      sessionId: input.sessionId,
      ...(input.withSaasToken ? { saasToken: this.saasToken(input.customerId) } : {}),
      ...(input.legalEntityId ? { legalEntityId: input.legalEntityId } : {}),
    };
  }

  /** A live refresh token of the kind, or a `refreshRefused` refusal. */
  liveRefresh(refreshToken: string | undefined, kind: TokenKind): AccessRecord {
    const record = refreshToken === undefined ? undefined : this.refresh.get(refreshToken);
    if (!record || record.kind !== kind || !this.isLive(record)) throw refuse.refreshRefused();
    return { ...record, token: refreshToken as string };
  }

  /** Rotation: the old customer refresh token stops working, a new pair is issued in the same grant. */
  rotateCustomer(refresh: AccessRecord, legalEntityId: string | undefined): IssuedTokens {
    this.refresh.delete(refresh.token);
    const input = {
      customerId: refresh.customerId as string,
      sessionId: refresh.sessionId,
      withSaasToken: false,
      ...(legalEntityId ? { legalEntityId } : {}),
    };
    return this.issueCustomer(input, refresh.grantId);
  }

  lookupAccess(token: string): AccessLookup {
    const record = this.access.get(token);
    if (!record || record.revoked) return { status: 'unknown' };
    const withToken = { ...record, token };
    return this.now() < record.expiresAt ? { status: 'valid', record: withToken } : { status: 'expired', record: withToken };
  }

  remainingSeconds(record: AccessRecord): number {
    return this.remaining(record);
  }

  /** Ends a grant: its access and refresh tokens all stop working. */
  endGrantOf(accessToken: string): void {
    const record = this.access.get(accessToken);
    if (!record) return;
    for (const map of [this.access, this.refresh]) {
      for (const other of map.values()) if (other.grantId === record.grantId) other.revoked = true;
    }
  }

  /** Makes all access tokens of a kind issued so far expired. */
  expireAccess(kind: SimulatorTokenKind): void {
    const past = this.now() - 1;
    for (const record of this.access.values()) if (matchesKind(record, kind)) record.expiresAt = Math.min(record.expiresAt, past);
  }

  revokeRefresh(kind: SimulatorTokenKind): void {
    for (const record of this.refresh.values()) if (matchesKind(record, kind)) record.revoked = true;
  }
}
