import type { SimulatorUndocumented, TokenLifetimes } from './types';

/** Every operation the simulator serves, by the name used in the request log. */
export const SIMULATOR_OPERATIONS = [
  'anonymousLogin',
  'anonymousRefresh',
  'signup',
  'login',
  'logout',
  'refreshCustomerToken',
  'validateToken',
  'exchangeToken',
  'socialLogin',
  'confirmSignup',
  'resendActivation',
  'getCustomer',
  'updateCustomer',
  'listAddresses',
  'getAddress',
  'createAddress',
  'updateAddress',
  'deleteAddress',
  'addAddressTags',
  'removeAddressTags',
  'changePassword',
  'requestPasswordReset',
  'resetPassword',
  'requestEmailChange',
  'confirmEmailChange',
] as const;

/**
 * Token lifetimes in seconds as the public reference and its tutorial give them: anonymous token 1 h with a
 * 24 h refresh token; customer token 30 days (login, opt-in confirmation, refresh) with a 24 h refresh token;
 * SaaS token 4 h (`exp − iat` of the reference's example JWT).
 */
export const REFERENCE_TOKEN_LIFETIMES: Readonly<Required<TokenLifetimes>> = Object.freeze({
  anonymousAccess: 3599,
  anonymousRefresh: 86399,
  customerAccess: 2591999,
  customerRefresh: 86399,
  saasToken: 14400,
});

/**
 * The simulator's token lifetimes in seconds, unless `lifetimes` says otherwise: the reference's
 * (`REFERENCE_TOKEN_LIFETIMES`). A customer who logs in can renew for a day and stays logged in for 30.
 */
export const DEFAULT_TOKEN_LIFETIMES: Readonly<Required<TokenLifetimes>> = REFERENCE_TOKEN_LIFETIMES;

/** Every answer each `undocumented` setting can choose, the default first. */
export const UNDOCUMENTED_CHOICES: { readonly [K in keyof SimulatorUndocumented]: readonly SimulatorUndocumented[K][] } =
  Object.freeze({
    unknownTenant: ['error400', 'invalidApiKey401'],
    loginRefused: ['text401', 'fault401', 'empty401', 'error400'],
    inactiveLogin: ['asRefused', 'error400', 'forbidden403', 'notActivated400'],
    usedToken: ['error400', 'fault401', 'empty401', 'invalidToken400'],
    refreshRefused: ['error400', 'fault401', 'empty401', 'invalidRefreshToken401'],
    wrongPassword: ['text401', 'validation400'],
    staleVersion: ['conflict409', 'ignored'],
    anonymousRefresh: ['keepsRefreshToken', 'rotatesRefreshToken'],
  });

/**
 * How the simulator answers situations no public source documents, unless `undocumented` says otherwise:
 * the most plausible answer on the evidence (see `SIMULATOR_EVIDENCE`).
 */
export const DEFAULT_UNDOCUMENTED: Readonly<SimulatorUndocumented> = Object.freeze({
  unknownTenant: 'error400',
  loginRefused: 'text401',
  inactiveLogin: 'asRefused',
  usedToken: 'error400',
  refreshRefused: 'error400',
  wrongPassword: 'text401',
  staleVersion: 'conflict409',
  anonymousRefresh: 'keepsRefreshToken',
});

/** The shape of `simulatorDefaults`. */
export interface SimulatorDefaults {
  /** The simulated tenant, `demoshop`. */
  readonly tenant: string;
  /** The storefront API key its anonymous login accepts, `demo-client-id`. */
  readonly clientId: string;
  /** The origin its handlers answer, `https://api.emporix.io`. */
  readonly baseUrl: string;
  /** The seeded shopper's login email, `jane.doe@example.com`. */
  readonly email: string;
  /** The seeded shopper's password, `correct-horse`. */
  readonly password: string;
}

/** The tenant, API key and the one seeded shopper a fresh simulator starts with. */
export const simulatorDefaults: SimulatorDefaults = Object.freeze({
  tenant: 'demoshop',
  clientId: 'demo-client-id',
  baseUrl: 'https://api.emporix.io',
  email: 'jane.doe@example.com',
  password: 'correct-horse',
});

/** `GET /me` with an anonymous token answers a placeholder profile with this id. */
export const ANONYMOUS_CUSTOMER_ID = '00000000';

/** Exchange configurations accepted by `exchangeauthtoken?config=` unless overridden. */
export const DEFAULT_EXCHANGE_CONFIGS: readonly string[] = Object.freeze(['default']);

/** Shortest password the simulator accepts for a new password (login's schema minimum). */
export const MIN_PASSWORD_LENGTH = 6;

/** Scopes carried by a customer token (returned by validate, exchange and social login). */
export const CUSTOMER_SCOPES = [
  'customer.customer_read_own',
  'customer.customer_manage_own',
  'customer.customerprofile_view',
  'customer.customerprofile_edit',
  'customer.consent_view',
  'customer.consent_manage',
  'order.order_readascustomer',
  'order.history_view',
] as const;

/** Idle time reported by token exchange and social login, in seconds. */
export const SESSION_IDLE_TIME = 120;

/** How long a subject token from `issueSubjectToken` stays acceptable, in seconds. */
export const SUBJECT_TOKEN_LIFETIME = 3600;
