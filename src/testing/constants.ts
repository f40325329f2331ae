import type { TokenLifetimes } from './types';

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

/** Token lifetimes in seconds, as the reference examples show them. */
export const DEFAULT_TOKEN_LIFETIMES: Readonly<TokenLifetimes> = Object.freeze({
  anonymousAccess: 3599,
  anonymousRefresh: 86399,
  customerAccess: 14399,
  customerRefresh: 86399,
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
