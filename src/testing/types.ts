import type { HttpHandler } from 'msw';
import type { SIMULATOR_OPERATIONS } from './constants';

/** Name of one of the 25 simulated operations (as recorded in the request log). */
export type SimulatorOperation = (typeof SIMULATOR_OPERATIONS)[number];

/** Token lifetimes in seconds. */
export interface TokenLifetimes {
  anonymousAccess: number;
  anonymousRefresh: number;
  customerAccess: number;
  customerRefresh: number;
}

/** A B2B legal entity a customer may bind a token to (`refreshauthtoken?legalEntityId=`). */
export interface SimulatorLegalEntity {
  id: string;
  name: string;
  contactAssignmentId?: string;
}

/** Fields of an address, as clients send them. */
export interface SimulatorAddressFields {
  contactName: string;
  companyName?: string;
  street?: string;
  streetNumber?: string;
  streetAppendix?: string;
  extraLine1?: string;
  extraLine2?: string;
  extraLine3?: string;
  extraLine4?: string;
  zipCode?: string;
  city?: string;
  country?: string;
  state?: string;
  contactPhone?: string;
}

export interface SimulatorAddressSeed extends SimulatorAddressFields {
  id?: string;
  isDefault?: boolean;
  tags?: string[];
  mixins?: Record<string, unknown>;
}

/** Profile fields of a customer (everything `PATCH /me` may change). */
export interface SimulatorProfileFields {
  title?: string;
  firstName?: string;
  middleName?: string;
  lastName?: string;
  contactEmail?: string;
  contactPhone?: string;
  company?: string;
  preferredLanguage?: string;
  preferredCurrency?: string;
  preferredSite?: string;
}

export interface SimulatorCustomerSeed extends SimulatorProfileFields {
  /** Customer id; generated when absent. */
  id?: string;
  /** Login email. `contactEmail` defaults to it. */
  email: string;
  /** Login password; an account without one can only sign in via social login or token exchange. */
  password?: string;
  /** Whether the account may log in (false = waiting for double opt-in). Default true. */
  activated?: boolean;
  b2b?: { companyRegistrationId?: string };
  mixins?: Record<string, unknown>;
  addresses?: SimulatorAddressSeed[];
  legalEntities?: SimulatorLegalEntity[];
}

export interface EmporixSimulatorOptions {
  /** Default `'demoshop'`. */
  tenant?: string;
  /** Default `'demo-client-id'`. */
  clientId?: string;
  /** Default `'https://api.emporix.io'`. */
  baseUrl?: string;
  /** Signups wait for activation by mail. Default false. */
  doubleOptIn?: boolean;
  /** Delay added to every response. Default 0. */
  latencyMs?: number;
  /** Clock in epoch milliseconds; default `Date.now` (pass a fake clock to drive expiry). */
  now?: () => number;
  /** Token lifetimes in seconds; unspecified ones keep the defaults. */
  lifetimes?: Partial<TokenLifetimes>;
  /** Seeded customers; default: the one shopper of `simulatorDefaults`. */
  customers?: SimulatorCustomerSeed[];
  /** Extra legal entities per customer login email (merged with a seed's own `legalEntities`). */
  legalEntities?: Record<string, SimulatorLegalEntity[]>;
  /** `exchangeauthtoken?config=` values that exist. Default `['default']`. */
  exchangeConfigs?: string[];
  /**
   * The links the mails carry, as a tenant's mail templates build them: `{token}` stands for the URL-encoded
   * token, e.g. `{ passwordReset: 'https://shop.example/password/reset?token={token}' }`. A mail of a kind
   * with a template has it as `link`. Default: no links, only tokens.
   */
  mailLinks?: Partial<Record<SimulatorMailKind, string>>;
  /**
   * Keeps the tenant — customers, mails, issued tokens — in a storage such as `localStorage` (under `key`,
   * default `emporix-simulator:<tenant>`), so a demo outlives a reload and every tab of the browser serves
   * the same tenant although each runs its own simulator. It is read before and written after each request
   * and control; when two tabs write at the same moment, the last one wins. The request log, faults and
   * latency stay per simulator. Default: memory only.
   */
  persist?: { storage: SimulatorStorage; key?: string };
}

/** Where `persist` keeps the tenant: `localStorage`, `sessionStorage`, or anything with these methods. */
export interface SimulatorStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type SimulatorMailKind = 'activation' | 'passwordReset' | 'emailChange';

/** A mail the tenant would have sent. */
export interface SimulatorMail {
  kind: SimulatorMailKind;
  to: string;
  token: string;
  /** The link in the mail, when `mailLinks` has a template for its kind. */
  link?: string;
  /** Epoch milliseconds from the simulator's clock. */
  sentAt: number;
}

/** Which tokens a control acts on. */
export type SimulatorTokenKind = 'anonymous' | 'customer' | 'all';

export type SimulatorFault = 500 | 502 | 503 | 504 | 429 | 'network' | 'malformed' | 'empty401' | 'html401';

export interface SimulatorFailNextOptions {
  /** How many matching requests fail. Default 1. */
  count?: number;
  with: SimulatorFault;
  /** Only requests matching all given criteria fail; path is a substring of, or a RegExp tested on, the pathname. */
  match?: { method?: string; path?: string | RegExp };
}

/**
 * Which credentials a request carried: no Authorization header, a live anonymous or customer
 * access token, or anything else (unknown, revoked or expired token).
 */
export type SimulatorAuth = 'none' | 'anonymous' | 'customer' | 'invalid';

/** One handled request. Tokens never appear: no query string, and the opt-in token in the path is redacted. */
export interface SimulatorRequest {
  method: string;
  path: string;
  operation: SimulatorOperation;
  auth: SimulatorAuth;
  /** HTTP status answered; 0 for an injected network error. */
  status: number;
}

export interface SimulatorAddressSnapshot extends SimulatorAddressFields {
  id: string;
  isDefault: boolean;
  tags: string[];
  mixins: Record<string, unknown>;
  metadata: { version: number };
}

/** A deep copy of one customer's stored state, for assertions. */
export interface SimulatorCustomerSnapshot extends SimulatorProfileFields {
  id: string;
  customerNumber: string;
  /** Login email. */
  email: string;
  activated: boolean;
  b2b?: { companyRegistrationId?: string };
  mixins: Record<string, unknown>;
  legalEntities: SimulatorLegalEntity[];
  addresses: SimulatorAddressSnapshot[];
  metadata: { version: number };
  lastLogin?: string;
}

export interface SimulatorSocialCodeOptions {
  /** When given, `redirect_uri` must equal it. */
  redirectUri?: string;
  /** PKCE S256 challenge; when given, `code_verifier` must match it. */
  codeChallenge?: string;
}

export interface EmporixSimulator {
  /** MSW request handlers; environment-neutral (use with `setupServer` or `setupWorker`). */
  readonly handlers: HttpHandler[];
  /** Tenant the handlers answer for. */
  readonly tenant: string;
  /** API key the anonymous login accepts. */
  readonly clientId: string;
  /** Origin the handlers intercept (no trailing slash). */
  readonly baseUrl: string;
  /** Adds a customer (dropped again by `reset()`); returns its id. */
  seedCustomer(seed: SimulatorCustomerSeed): string;
  getCustomer(idOrEmail: string): SimulatorCustomerSnapshot | undefined;
  /** All mails sent since the last reset, oldest first. */
  outbox(): SimulatorMail[];
  /** The newest mail of a kind, optionally to one address. */
  lastMail(kind: SimulatorMailKind, to?: string): SimulatorMail | undefined;
  /** Makes every access token issued so far expired (401 `keymanagement.service.access_token_expired`). */
  expireTokens(kind?: SimulatorTokenKind): void;
  /** Makes every refresh token issued so far unusable. */
  revokeRefreshTokens(kind?: SimulatorTokenKind): void;
  setLatency(ms: number): void;
  /** The next matching request(s) fail the given way instead of being served. */
  failNext(options: SimulatorFailNextOptions): void;
  setDoubleOptIn(enabled: boolean): void;
  /** Requests handled since the last reset, oldest first (a copy). */
  readonly requests: readonly SimulatorRequest[];
  requestCount(operation?: SimulatorOperation): number;
  /** A code `socialLogin` accepts once, signing in (or provisioning) the customer with this email. */
  issueSocialCode(email: string, options?: SimulatorSocialCodeOptions): string;
  /** A JWT-like external token `exchangeauthtoken` accepts for this email. */
  issueSubjectToken(email: string): string;
  /** Back to the seeded state: customers, tokens, mails, faults, log, latency and opt-in setting (stored too, with `persist`). */
  reset(): void;
}
