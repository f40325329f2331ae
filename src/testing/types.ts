import type { HttpHandler } from 'msw';
import type { SIMULATOR_OPERATIONS } from './constants';
import type { SimulatorEvidenceCase } from './evidence';

/** Name of one of the 25 simulated operations (as recorded in the request log). */
export type SimulatorOperation = (typeof SIMULATOR_OPERATIONS)[number];

/** Token lifetimes in seconds. */
export interface TokenLifetimes {
  anonymousAccess: number;
  anonymousRefresh: number;
  customerAccess: number;
  customerRefresh: number;
  /**
   * How long the SaaS token lives (`exp − iat` of the JWT). Left out, it lives as long as the customer
   * access token it came with.
   */
  saasToken?: number;
}

/**
 * How new accounts become active, as the tenant is configured:
 * - `'immediate'`: a new account can log in at once;
 * - `'doubleOptIn'`: it waits for the link of the activation mail (`GET signup/optin/{token}`);
 * - `'employee'`: it stays inactive until an employee activates it (`activateCustomer(email)` plays that part).
 */
export type SimulatorActivation = 'immediate' | 'doubleOptIn' | 'employee';

/**
 * How the simulator answers where no public source says what the live API answers. Each setting names one
 * situation; its values are the candidate answers. The defaults are the most plausible ones on the evidence
 * collected in the project's error-evidence notes (`SIMULATOR_EVIDENCE` says which answers are assumed).
 *
 * Shapes used by several settings:
 * - `error400`: 400 with an ErrorMessage body of type `bad_request` (the type the reference shows for a 400);
 * - `fault401`: 401 with a gateway `fault` body whose errorcode no source documents (`UNDOCUMENTED_ERRORCODE`);
 * - `empty401`: 401 without a body;
 * - `text401`: 401 whose body is a bare sentence (`text/plain`), as seen from the live password check.
 */
export interface SimulatorUndocumented {
  /** The anonymous login or refresh names a tenant the API does not know. */
  unknownTenant: 'error400' | 'invalidApiKey401';
  /**
   * A login with an unknown email or a wrong password (and a token exchange with a subject token the tenant
   * does not accept).
   */
  loginRefused: 'text401' | 'fault401' | 'empty401' | 'error400';
  /**
   * A login with the right password on an account that is not active yet. `'asRefused'` answers exactly like
   * `loginRefused`; `'notActivated400'` is a 400 of type `account_not_activated`, a shape no source shows,
   * kept for UIs that still recognise it.
   */
  inactiveLogin: 'asRefused' | 'error400' | 'forbidden403' | 'notActivated400';
  /**
   * A mailed token (activation, password reset, email change) or a social-login code that is unknown,
   * already used or superseded. `'invalidToken400'` is a 400 of type `invalid_token` with a detail on the
   * token field, a shape no source shows, kept for UIs that still recognise it.
   */
  usedToken: 'error400' | 'fault401' | 'empty401' | 'invalidToken400';
  /**
   * An anonymous or customer refresh token that is unknown, revoked, rotated away or expired.
   * `'invalidRefreshToken401'` is a gateway fault with errorcode `oauth.v2.InvalidRefreshToken`, a code no
   * source shows, kept for tests that still look for it.
   */
  refreshRefused: 'error400' | 'fault401' | 'empty401' | 'invalidRefreshToken401';
  /**
   * A wrong current password on a password change or a login-email change request. `'validation400'` is a
   * validation error with a detail on the password field.
   */
  wrongPassword: 'text401' | 'validation400';
  /** A profile or address update carries a `metadata.version` that is no longer the current one. */
  staleVersion: 'conflict409' | 'ignored';
  /** Whether an anonymous refresh hands out a new refresh token (the old one then stops working). */
  anonymousRefresh: 'keepsRefreshToken' | 'rotatesRefreshToken';
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
  /**
   * Whether the account may log in. Default true. An inactive seed waits for double opt-in (a resent activation
   * mail reaches it) unless `awaits: 'employee'`.
   */
  activated?: boolean;
  /** What an inactive seed waits for. Default `'optIn'`. */
  awaits?: 'optIn' | 'employee';
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
  /** Signups wait for activation by mail: the same as `activation: 'doubleOptIn'`. Default false. */
  doubleOptIn?: boolean;
  /** How new accounts become active; wins over `doubleOptIn`. Default `'immediate'` (`'doubleOptIn'` with `doubleOptIn: true`). */
  activation?: SimulatorActivation;
  /** Answers to situations no public source documents; unspecified ones keep `DEFAULT_UNDOCUMENTED`. */
  undocumented?: Partial<SimulatorUndocumented>;
  /** Delay added to every response. Default 0. */
  latencyMs?: number;
  /** Clock in epoch milliseconds; default `Date.now` (pass a fake clock to drive expiry). */
  now?: () => number;
  /**
   * Token lifetimes in seconds; unspecified ones keep `DEFAULT_TOKEN_LIFETIMES`. Pass
   * `REFERENCE_TOKEN_LIFETIMES` for the lifetimes the public reference shows.
   */
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
  /** For a refusal: which situation it answered (look it up in `SIMULATOR_EVIDENCE`). */
  evidence?: SimulatorEvidenceCase;
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
  /** `true` is `setActivation('doubleOptIn')`, `false` is `setActivation('immediate')`. */
  setDoubleOptIn(enabled: boolean): void;
  /** How accounts created from now on become active. */
  setActivation(mode: SimulatorActivation): void;
  /**
   * Activates an account as an employee would (tutorial: `PATCH customers/{customerNumber}` with `active: true`);
   * its pending activation links stop working. Throws for an unknown email.
   */
  activateCustomer(email: string): void;
  /** Changes how undocumented situations are answered (until `reset()`). */
  setUndocumented(settings: Partial<SimulatorUndocumented>): void;
  /** The settings in force for undocumented situations (a copy). */
  readonly undocumented: Readonly<SimulatorUndocumented>;
  /** Requests handled since the last reset, oldest first (a copy). */
  readonly requests: readonly SimulatorRequest[];
  requestCount(operation?: SimulatorOperation): number;
  /** A code `socialLogin` accepts once, signing in (or provisioning) the customer with this email. */
  issueSocialCode(email: string, options?: SimulatorSocialCodeOptions): string;
  /** A JWT-like external token `exchangeauthtoken` accepts for this email. */
  issueSubjectToken(email: string): string;
  /**
   * Back to the seeded state: customers, tokens, mails, faults, log, latency, activation and undocumented
   * settings (stored too, with `persist`).
   */
  reset(): void;
}
