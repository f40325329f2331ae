import type { HttpHandler } from 'msw';
import type { SIMULATOR_OPERATIONS } from './constants';
import type { SimulatorEvidenceCase } from './evidence';

/** Name of one of the 25 simulated operations (as recorded in the request log). */
export type SimulatorOperation = (typeof SIMULATOR_OPERATIONS)[number];

/** Token lifetimes in seconds. */
export interface TokenLifetimes {
  /** Anonymous access token (`expires_in` of the anonymous login and refresh). */
  anonymousAccess: number;
  /** Anonymous refresh token; after it, a new anonymous session starts. */
  anonymousRefresh: number;
  /** Customer access token (login, opt-in confirm, social login, exchange, refresh). */
  customerAccess: number;
  /** Customer refresh token. */
  customerRefresh: number;
  /** How long the SaaS token lives (`exp − iat` of the JWT), independently of the customer access token. */
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
  /** The legal entity's id, as `legalEntityId` takes it. */
  id: string;
  /** Its display name (`b2b.legalEntities[].name` of the profile). */
  name: string;
  /** The customer's contact assignment for this entity, when the tenant has one. */
  contactAssignmentId?: string;
}

/** Fields of an address, as clients send them. */
export interface SimulatorAddressFields {
  /** Name of the addressee. */
  contactName: string;
  /** Company of the addressee. */
  companyName?: string;
  /** Street name. */
  street?: string;
  /** House number. */
  streetNumber?: string;
  /** Addition to the street (floor, apartment). */
  streetAppendix?: string;
  /** First extra address line. */
  extraLine1?: string;
  /** Second extra address line. */
  extraLine2?: string;
  /** Third extra address line. */
  extraLine3?: string;
  /** Fourth extra address line. */
  extraLine4?: string;
  /** Postal code. */
  zipCode?: string;
  /** City. */
  city?: string;
  /** Two-letter country code, e.g. `DE`. */
  country?: string;
  /** State or region. */
  state?: string;
  /** Phone number for this address. */
  contactPhone?: string;
}

/** An address to seed with a customer (`seedCustomer`, `customers`). */
export interface SimulatorAddressSeed extends SimulatorAddressFields {
  /** Address id; generated when absent. */
  id?: string;
  /** Whether it is the customer's default address. */
  isDefault?: boolean;
  /** Tags such as `BILLING` or `SHIPPING`. */
  tags?: string[];
  /** Custom data of the tenant's mixin schemas. */
  mixins?: Record<string, unknown>;
}

/** Profile fields of a customer (everything `PATCH /me` may change). */
export interface SimulatorProfileFields {
  /** Title or salutation, as the tenant uses it. */
  title?: string;
  /** First name. */
  firstName?: string;
  /** Middle name. */
  middleName?: string;
  /** Last name. */
  lastName?: string;
  /** Email address for contact (may differ from the login email). */
  contactEmail?: string;
  /** Phone number. */
  contactPhone?: string;
  /** Company name. */
  company?: string;
  /** Preferred language, e.g. `en_US`. */
  preferredLanguage?: string;
  /** Preferred currency, e.g. `EUR`. */
  preferredCurrency?: string;
  /** Preferred site code, e.g. `main`. */
  preferredSite?: string;
}

/** A customer to seed: the `customers` option, or `seedCustomer()`. */
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
  /** B2B data of the profile. */
  b2b?: { companyRegistrationId?: string };
  /** Custom data of the tenant's mixin schemas. */
  mixins?: Record<string, unknown>;
  /** The customer's addresses. */
  addresses?: SimulatorAddressSeed[];
  /** Legal entities the customer may act for (B2B). */
  legalEntities?: SimulatorLegalEntity[];
}

/** Options of `createEmporixSimulator`; every one has a default. */
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
   * Token lifetimes in seconds; unspecified ones keep `DEFAULT_TOKEN_LIFETIMES` (the public reference's:
   * customer token 30 days, its refresh token 24 h). Shorter ones make expiry quick to test.
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
  /** The stored text under `key`, or `null`. */
  getItem(key: string): string | null;
  /** Stores `value` under `key`. */
  setItem(key: string, value: string): void;
  /** Removes what is stored under `key`. */
  removeItem(key: string): void;
}

/** The mails a tenant sends: account activation (double opt-in), password reset, login-email change. */
export type SimulatorMailKind = 'activation' | 'passwordReset' | 'emailChange';

/** A mail the tenant would have sent. */
export interface SimulatorMail {
  /** Which mail it is. */
  kind: SimulatorMailKind;
  /** The address it went to (for an email change: the new address). */
  to: string;
  /** The token the mail carries, as the page behind its link hands it to the API. */
  token: string;
  /** The link in the mail, when `mailLinks` has a template for its kind. */
  link?: string;
  /** Epoch milliseconds from the simulator's clock. */
  sentAt: number;
}

/** Which tokens a control acts on. */
export type SimulatorTokenKind = 'anonymous' | 'customer' | 'all';

/**
 * How `failNext` makes a request fail: an HTTP status, `'network'` (no response), `'malformed'` (a body that
 * is not JSON), or a 401 with an empty (`'empty401'`) or HTML (`'html401'`) body.
 */
export type SimulatorFault = 500 | 502 | 503 | 504 | 429 | 'network' | 'malformed' | 'empty401' | 'html401';

/** Options of `failNext`. */
export interface SimulatorFailNextOptions {
  /** How many matching requests fail. Default 1. */
  count?: number;
  /** How they fail. */
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
  /** HTTP method. */
  method: string;
  /** URL path, without the query string. */
  path: string;
  /** The operation it was served as. */
  operation: SimulatorOperation;
  /** The credentials it carried. */
  auth: SimulatorAuth;
  /** HTTP status answered; 0 for an injected network error. */
  status: number;
  /** For a refusal: which situation it answered (look it up in `SIMULATOR_EVIDENCE`). */
  evidence?: SimulatorEvidenceCase;
}

/** A stored address, as `getCustomer()` reports it. */
export interface SimulatorAddressSnapshot extends SimulatorAddressFields {
  /** Address id. */
  id: string;
  /** Whether it is the customer's default address. */
  isDefault: boolean;
  /** Its tags. */
  tags: string[];
  /** Custom data of the tenant's mixin schemas. */
  mixins: Record<string, unknown>;
  /** Optimistic-locking version, raised by each change. */
  metadata: { version: number };
}

/** A deep copy of one customer's stored state, for assertions. */
export interface SimulatorCustomerSnapshot extends SimulatorProfileFields {
  /** Customer id. */
  id: string;
  /** Customer number. */
  customerNumber: string;
  /** Login email. */
  email: string;
  /** Whether the account may log in (false while it waits for activation). */
  activated: boolean;
  /** B2B data of the profile. */
  b2b?: { companyRegistrationId?: string };
  /** Custom data of the tenant's mixin schemas. */
  mixins: Record<string, unknown>;
  /** Legal entities the customer may act for. */
  legalEntities: SimulatorLegalEntity[];
  /** The customer's addresses. */
  addresses: SimulatorAddressSnapshot[];
  /** Optimistic-locking version of the profile, raised by each change. */
  metadata: { version: number };
  /** When the customer last logged in (ISO 8601), if ever. */
  lastLogin?: string;
}

/** What a social-login code issued by `issueSocialCode` demands of the `socialLogin` call. */
export interface SimulatorSocialCodeOptions {
  /** When given, `redirect_uri` must equal it. */
  redirectUri?: string;
  /** PKCE S256 challenge; when given, `code_verifier` must match it. */
  codeChallenge?: string;
}

/** A simulated tenant: MSW handlers plus the controls tests and demos use (see `createEmporixSimulator`). */
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
  /** A copy of a customer's stored state (by id or login email), for assertions; `undefined` if unknown. */
  getCustomer(idOrEmail: string): SimulatorCustomerSnapshot | undefined;
  /** All mails sent since the last reset, oldest first. */
  outbox(): SimulatorMail[];
  /** The newest mail of a kind, optionally to one address. */
  lastMail(kind: SimulatorMailKind, to?: string): SimulatorMail | undefined;
  /** Makes every access token issued so far expired (401 `keymanagement.service.access_token_expired`). */
  expireTokens(kind?: SimulatorTokenKind): void;
  /** Makes every refresh token issued so far unusable. */
  revokeRefreshTokens(kind?: SimulatorTokenKind): void;
  /** Delays every response by `ms` milliseconds from now on (0 for none). */
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
  /** How many requests were handled since the last reset, of one operation or of all. */
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
