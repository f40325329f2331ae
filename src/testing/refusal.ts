/**
 * Why the simulator refuses a request. Rules throw these; `responses.ts` renders them. A refusal names the
 * situation it answers (a case of `SIMULATOR_EVIDENCE`) and builds its body from the `undocumented`
 * settings in force, so an answer no source documents can be switched to another candidate shape.
 */
import type { SimulatorEvidenceCase } from './evidence';
import type { SimulatorUndocumented } from './types';

export interface ErrorDetail {
  field: string;
  type: string;
  message: string;
}

export type RefusalBody =
  | { kind: 'errorMessage'; status: 400 | 403 | 404 | 409; type: string; message: string; details?: ErrorDetail[] }
  | { kind: 'fault'; status: 401; faultstring: string; errorcode: string }
  | { kind: 'text'; status: 401; text: string }
  | { kind: 'empty'; status: 401 };

/** The errorcode of a `fault401` answer: a code no source documents, so no client can have learnt it. */
export const UNDOCUMENTED_ERRORCODE = 'simulator.undocumented';

/** What the live password check was seen to answer (a 401 with this sentence as its whole body). */
const CREDENTIALS_INCORRECT = 'Access denied. Entered credentials are incorrect.';

export class Refusal extends Error {
  constructor(
    readonly evidence: SimulatorEvidenceCase,
    private readonly build: (settings: SimulatorUndocumented) => RefusalBody,
  ) {
    super(`Simulator refusal: ${evidence}`);
    this.name = 'Refusal';
  }

  body(settings: SimulatorUndocumented): RefusalBody {
    return this.build(settings);
  }
}

function errorMessage(status: 400 | 403 | 404 | 409, type: string, message: string, details?: ErrorDetail[]): RefusalBody {
  return { kind: 'errorMessage', status, type, message, ...(details ? { details } : {}) };
}

function fault(faultstring: string, errorcode: string): RefusalBody {
  return { kind: 'fault', status: 401, faultstring, errorcode };
}

/** The shapes several `undocumented` settings offer. */
const shape = {
  error400: (message: string) => errorMessage(400, 'bad_request', message),
  fault401: (message: string) => fault(message, UNDOCUMENTED_ERRORCODE),
  empty401: (): RefusalBody => ({ kind: 'empty', status: 401 }),
  text401: (text: string): RefusalBody => ({ kind: 'text', status: 401, text }),
};

/** A refusal whose body is the same whatever the settings (a documented or unconfigurable answer). */
function fixed(evidence: SimulatorEvidenceCase, body: RefusalBody): Refusal {
  return new Refusal(evidence, () => body);
}

function validationBody(details: ErrorDetail[]): RefusalBody {
  return errorMessage(400, 'validation_failure', 'The request failed validation.', details);
}

/** `loginRefused`: a refused sign-in credential (password login, subject token). */
function refusedCredentials(settings: SimulatorUndocumented): RefusalBody {
  switch (settings.loginRefused) {
    case 'text401':
      return shape.text401(CREDENTIALS_INCORRECT);
    case 'fault401':
      return shape.fault401('Unauthorized');
    case 'empty401':
      return shape.empty401();
    case 'error400':
      return shape.error400('The credentials are not valid.');
  }
}

/** `usedToken`: a one-time token or code that cannot be redeemed. */
function unusableToken(field: string, what: string, settings: SimulatorUndocumented): RefusalBody {
  switch (settings.usedToken) {
    case 'error400':
      return shape.error400(`The ${what} is not valid.`);
    case 'fault401':
      return shape.fault401('Unauthorized');
    case 'empty401':
      return shape.empty401();
    case 'invalidToken400':
      return errorMessage(400, 'invalid_token', `The ${what} is unknown, expired or already used.`, [
        { field, type: 'invalid_value', message: `Unknown or used ${what}.` },
      ]);
  }
}

export const refuse = {
  // documented
  invalidAccessToken: () => fixed('invalidAccessToken', fault('Invalid access token', 'oauth.v2.InvalidAccessToken')),
  accessTokenExpired: () =>
    fixed('accessTokenExpired', fault('Access Token expired', 'keymanagement.service.access_token_expired')),
  forbidden: () => fixed('missingScope', errorMessage(403, 'forbidden', 'User not authorized.')),
  invalidTenantPath: () =>
    fixed('invalidTenantPath', errorMessage(400, 'bad_request', 'The tenant information provided with the request is not valid.')),
  validation: (details: ErrorDetail[]) => fixed('validation', validationBody(details)),
  duplicateAccount: (email: string, tenant: string) =>
    fixed('duplicateAccount', errorMessage(409, 'conflict_resource', `Duplicate account '${email}' for tenant '${tenant}'.`)),
  addressNotFound: (addressId: string, customerNumber: string) =>
    fixed(
      'addressNotFound',
      errorMessage(404, 'resource_not_found', `Address ${addressId} of customer ${customerNumber} not found.`),
    ),
  unknownExchangeConfig: (config: string) =>
    fixed('unknownExchangeConfig', errorMessage(400, 'bad_request', `Unknown exchange configuration '${config}'.`)),

  // observed
  invalidApiKey: () => fixed('invalidApiKey', fault('Invalid ApiKey', 'oauth.v2.InvalidApiKey')),

  // assumed, with a setting
  unknownTenant: () =>
    new Refusal('unknownTenant', (settings) =>
      settings.unknownTenant === 'error400'
        ? errorMessage(400, 'bad_request', 'The tenant information provided with the request is not valid.')
        : fault('Invalid ApiKey', 'oauth.v2.InvalidApiKey'),
    ),
  loginRefused: () => new Refusal('loginRefused', refusedCredentials),
  subjectTokenRefused: () => new Refusal('subjectTokenRefused', refusedCredentials),
  inactiveLogin: () =>
    new Refusal('inactiveLogin', (settings) => {
      switch (settings.inactiveLogin) {
        case 'asRefused':
          return refusedCredentials(settings);
        case 'error400':
          return shape.error400('The account is not active.');
        case 'forbidden403':
          return errorMessage(403, 'forbidden', 'The account is not active.');
        case 'notActivated400':
          return errorMessage(400, 'account_not_activated', 'The account has not been activated yet; confirm the activation mail.');
      }
    }),
  usedToken: (field: string, what: string) => new Refusal('usedToken', (settings) => unusableToken(field, what, settings)),
  refreshRefused: () =>
    new Refusal('refreshRefused', (settings) => {
      switch (settings.refreshRefused) {
        case 'error400':
          return shape.error400('The refresh token is not valid.');
        case 'fault401':
          return shape.fault401('Unauthorized');
        case 'empty401':
          return shape.empty401();
        case 'invalidRefreshToken401':
          return fault('Invalid refresh token', 'oauth.v2.InvalidRefreshToken');
      }
    }),
  wrongPassword: (field: string) =>
    new Refusal('wrongPassword', (settings) =>
      settings.wrongPassword === 'text401'
        ? shape.text401(CREDENTIALS_INCORRECT)
        : validationBody([{ field, type: 'invalid_value', message: 'The password is wrong.' }]),
    ),
  staleVersion: (current: number) =>
    fixed('staleVersion', errorMessage(409, 'conflict_resource', `Stale metadata.version: the current version is ${current}.`)),

  // assumed, without a setting
  malformedBody: (message: string) => fixed('malformedBody', errorMessage(400, 'bad_request', message)),
  unknownLegalEntity: () =>
    fixed(
      'unknownLegalEntity',
      validationBody([{ field: 'legalEntityId', type: 'invalid_value', message: 'The customer is not assigned to this legal entity.' }]),
    ),
  socialLoginMismatch: (message: string) => fixed('socialLoginMismatch', errorMessage(400, 'bad_request', message)),
};

/** Detail helpers for `refuse.validation`. */
export const detail = {
  missing: (field: string): ErrorDetail => ({ field, type: 'missing_value', message: `${field} is required.` }),
  invalid: (field: string, message: string): ErrorDetail => ({ field, type: 'invalid_value', message }),
  duplicate: (field: string, message: string): ErrorDetail => ({ field, type: 'duplicate_value', message }),
};

/** Throws a validation refusal when any detail was collected. */
export function assertNoDetails(details: ErrorDetail[]): void {
  if (details.length > 0) throw refuse.validation(details);
}
