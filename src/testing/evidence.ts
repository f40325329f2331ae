/**
 * What each simulator answer rests on. The simulator is a stand-in for the live API, not its definition:
 * where the public reference (or someone who called a live tenant) shows the answer, the simulator gives
 * that; where nothing does, the answer is marked `assumed` and, where a client could reasonably depend on
 * it, a setting of `SimulatorUndocumented` chooses among the candidates. The project's error-evidence notes
 * render this table with the sources in full.
 */
import type { SimulatorUndocumented } from './types';

/**
 * - `documented`: the public reference or its tutorial shows this answer;
 * - `observed`: someone reported it from a live tenant (the source says who), the reference is silent;
 * - `assumed`: no source shows it; the simulator picks a plausible answer.
 */
export type EvidenceBasis = 'documented' | 'observed' | 'assumed';

/**
 * One row of `SIMULATOR_EVIDENCE`: a situation, the simulator's default answer to it, and how sure that answer is.
 */
export interface SimulatorEvidence {
  /** The situation. */
  when: string;
  /** What the simulator answers by default. */
  answer: string;
  /** How sure the answer is: `documented`, `observed` or `assumed`. */
  basis: EvidenceBasis;
  /** What the answer rests on, or why it is assumed. */
  source: string;
  /** The `undocumented` setting that picks another answer, where there is one. */
  setting?: keyof SimulatorUndocumented;
}

/** The situations the simulator answers, by the name its request log records for a refusal. */
export type SimulatorEvidenceCase = keyof typeof SIMULATOR_EVIDENCE;

const REFERENCE_401 = 'reference: the shared 401 response and its two examples';

/**
 * What the simulator answers in each situation, and what that answer rests on. Tests and docs read it to tell answers
 * the live API is known to give from ones the simulator assumes; where one is assumed, its `setting` names the
 * `undocumented` option that picks another candidate.
 *
 * @example
 * ```ts
 * const assumed = Object.entries(SIMULATOR_EVIDENCE).filter(([, row]) => row.basis === 'assumed');
 * ```
 */
export const SIMULATOR_EVIDENCE = Object.freeze({
  // ---- refusals -------------------------------------------------------------------------------
  invalidAccessToken: {
    when: 'a request without a bearer, or with an unknown, malformed or logged-out access token',
    answer: '401 fault `Invalid access token` / `oauth.v2.InvalidAccessToken`',
    basis: 'documented',
    source: REFERENCE_401,
  },
  accessTokenExpired: {
    when: 'an access token past its lifetime',
    answer: '401 fault `Access Token expired` / `keymanagement.service.access_token_expired`',
    basis: 'documented',
    source: REFERENCE_401,
  },
  missingScope: {
    when: 'the wrong kind of token (anonymous where a customer is needed, or the other way round)',
    answer: '403 ErrorMessage `forbidden`, "User not authorized."',
    basis: 'documented',
    source: 'reference: 403_forbidden ("scopes not sufficient"); its example type is lower-cased to fit the ErrorMessage pattern',
  },
  invalidTenantPath: {
    when: 'a `/customer/{tenant}` path names another tenant than the token’s',
    answer: '400 ErrorMessage `bad_request`, "The tenant information provided with the request is not valid."',
    basis: 'documented',
    source: 'reference: 400_bad_request example "Invalid tenant"',
  },
  invalidApiKey: {
    when: 'the anonymous login or refresh carries a `client_id` the tenant does not know',
    answer: '401 fault `Invalid ApiKey` / `oauth.v2.InvalidApiKey`',
    basis: 'observed',
    source:
      'Emporix storefront guidance (emporix-shared/ai-skills, emporix-storefront and emporix-auth): a revoked or wrong storefront key fails the anonymous-token call with `Invalid ApiKey`; the errorcode is the API gateway’s default for that faultstring',
  },
  unknownTenant: {
    when: 'the anonymous login or refresh names a tenant the API does not know',
    answer: 'as `invalidTenantPath` (400 `bad_request`, the reference’s invalid-tenant body)',
    basis: 'assumed',
    source: 'the reference documents no error of the anonymous login; the invalid-tenant 400 of the other operations is the nearest',
    setting: 'unknownTenant',
  },
  validation: {
    when: 'a body or query that breaks a rule: a required field missing, a malformed email, a country that is not two letters, a B2B profile without names, a contact email that differs from the login email, a new password under 6 characters',
    answer: '400 ErrorMessage `validation_failure` with one `details` entry per field',
    basis: 'documented',
    source:
      'reference: the ErrorMessage schema (its own examples are `validation_failure` and `missing_value`) and the field rules in its descriptions; which rules the live API checks first, and the 6-character minimum (login’s schema), are assumed',
  },
  malformedBody: {
    when: 'a request body that is not JSON, or not a JSON object',
    answer: '400 ErrorMessage `bad_request`',
    basis: 'assumed',
    source: 'every operation with a body lists 400; no example',
  },
  duplicateAccount: {
    when: 'a signup with a login email that already has an account',
    answer: '409 ErrorMessage `conflict_resource`, "Duplicate account \'{email}\' for tenant \'{tenant}\'."',
    basis: 'documented',
    source: 'reference: 409_conflict example "Account already exists"',
  },
  addressNotFound: {
    when: 'an address id the customer does not have',
    answer: '404 ErrorMessage `resource_not_found`, "Address {addressId} of customer {customerNumber} not found."',
    basis: 'documented',
    source: 'reference: 404_address example',
  },
  loginRefused: {
    when: 'a login with an unknown email or a wrong password',
    answer: '401 with the bare sentence "Access denied. Entered credentials are incorrect."',
    basis: 'assumed',
    source:
      'the reference lists 400 and 401 for login without a body; a public SDK’s example app saw exactly this 401 for a wrong current password on password change against a live tenant (viuteam/emporix-sdk, examples/next-server-first), the same credentials check',
    setting: 'loginRefused',
  },
  subjectTokenRefused: {
    when: 'a token exchange with a subject token the tenant does not accept',
    answer: 'as `loginRefused`',
    basis: 'assumed',
    source: 'the reference lists 400, 401 and 403 without a body',
    setting: 'loginRefused',
  },
  inactiveLogin: {
    when: 'a login with the right password on an account that is not active (waiting for its opt-in link or for an employee)',
    answer: 'exactly as `loginRefused`',
    basis: 'assumed',
    source:
      'no source shows it; the tutorial only says such an account cannot log in, and no public client tells it apart from wrong credentials',
    setting: 'inactiveLogin',
  },
  usedToken: {
    when: 'an activation, password-reset or email-change token, or a social-login code, that is unknown, used or superseded',
    answer: '400 ErrorMessage `bad_request`',
    basis: 'assumed',
    source: 'the reference lists 400 and 401 (opt-in; 403 too for reset and email change) without a body',
    setting: 'usedToken',
  },
  refreshRefused: {
    when: 'an anonymous or customer refresh token that is unknown, revoked, rotated away or expired',
    answer: '400 ErrorMessage `bad_request`',
    basis: 'assumed',
    source:
      'refreshauthtoken lists 400 and 401 without a body, the anonymous refresh lists nothing; OAuth 2.0 answers a refused grant with 400',
    setting: 'refreshRefused',
  },
  wrongPassword: {
    when: 'a password change or login-email change request with a wrong current password',
    answer: '401 with the bare sentence "Access denied. Entered credentials are incorrect."',
    basis: 'observed',
    source:
      'seen for the password change against a live tenant by a public SDK’s example app (viuteam/emporix-sdk, examples/next-server-first, 2026-08); the email change request is assumed to check the password the same way',
    setting: 'wrongPassword',
  },
  staleVersion: {
    when: 'a profile or address update whose `metadata.version` is no longer the current one',
    answer: '409 ErrorMessage `conflict_resource`; nothing is changed',
    basis: 'assumed',
    source:
      'the reference lists no 409 for these updates; its changelog (2024-12-09) says optimistic locking applies when a version is sent, and other Emporix services document 409 for a failed optimistic lock',
    setting: 'staleVersion',
  },
  unknownLegalEntity: {
    when: 'a customer refresh with a `legalEntityId` the customer is not assigned to',
    answer: '400 ErrorMessage `validation_failure` with a detail on `legalEntityId`',
    basis: 'assumed',
    source: 'refreshauthtoken lists 400 without a body',
  },
  unknownExchangeConfig: {
    when: 'a token exchange naming a `config` that does not exist',
    answer: '400 ErrorMessage `bad_request`',
    basis: 'documented',
    source: 'reference: the `config` parameter’s description (400 for a non-existing configuration); the body is assumed',
  },
  socialLoginMismatch: {
    when: 'a social login whose `redirect_uri` or PKCE `code_verifier` does not match the authorization request',
    answer: '400 ErrorMessage `bad_request`',
    basis: 'assumed',
    source: 'socialLogin lists 400 and 401 without a body',
  },

  // ---- answers that are not refusals -----------------------------------------------------------
  tokenLifetimes: {
    when: 'any token answer',
    answer:
      'anonymous 3599 s / refresh 86399 s; customer 2591999 s / refresh 86399 s (also after a token exchange); SaaS token 14400 s by its own `exp`',
    basis: 'documented',
    source:
      'reference and tutorial: anonymous 3599/86399, customer login 2591999/86399 ("30 days", "24 hours"); the exchange example’s SaaS JWT lives 14400 s (`exp − iat`); the exchange example’s own 14399/15551999 are not copied',
  },
  saasTokenOnRefresh: {
    when: 'a customer token refresh',
    answer: 'no `saas_token` in the answer',
    basis: 'documented',
    source: 'reference: the RefreshCustomerToken schema and example carry none',
  },
  anonymousRefreshToken: {
    when: 'an anonymous refresh',
    answer: 'the same session id and the same refresh token (its lifetime counts down)',
    basis: 'assumed',
    source:
      'the tutorial’s refresh example repeats the login example’s values (the access token too, so it shows nothing); a public SDK states Emporix rotates the anonymous refresh token on every refresh (viuteam/emporix-sdk, docs/next.md)',
    setting: 'anonymousRefresh',
  },
  activation: {
    when: 'a signup',
    answer: '201 `{ id }`; the account is active at once (`activation: \'immediate\'`)',
    basis: 'observed',
    source:
      'tutorial: a new account is inactive until an employee activates it, or (double opt-in) until its mailed link is followed; Emporix’s own B2B showcase logs in right after signup. Which applies is tenant configuration: the `activation` option picks it',
  },
  passwordResetUnknownEmail: {
    when: 'a password reset requested for an email without an account',
    answer: '204, and no mail',
    basis: 'assumed',
    source: 'the reference documents 204 only; answering alike for every email reveals no accounts',
  },
  resendActivationAnyEmail: {
    when: 'an activation mail requested again for an unknown, active or employee-activated account',
    answer: '202, and no mail',
    basis: 'assumed',
    source: 'the reference documents 202 only',
  },
} satisfies Record<string, SimulatorEvidence>);
