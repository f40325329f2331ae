/**
 * Why the simulator refuses a request. Rules throw these; `responses.ts` renders them
 * (ErrorMessage for 400/403/404/409, the gateway `fault` body for 401).
 */

export interface ErrorDetail {
  field: string;
  type: string;
  message: string;
}

export type RefusalBody =
  | { kind: 'errorMessage'; status: 400 | 403 | 404 | 409; type: string; message: string; details?: ErrorDetail[] }
  | { kind: 'fault'; status: 401; faultstring: string; errorcode: string };

export class Refusal extends Error {
  constructor(readonly body: RefusalBody) {
    super(body.kind === 'fault' ? body.faultstring : body.message);
    this.name = 'Refusal';
  }
}

function errorMessage(status: 400 | 403 | 404 | 409, type: string, message: string, details?: ErrorDetail[]): Refusal {
  return new Refusal({ kind: 'errorMessage', status, type, message, ...(details ? { details } : {}) });
}

function fault(faultstring: string, errorcode: string): Refusal {
  return new Refusal({ kind: 'fault', status: 401, faultstring, errorcode });
}

export const refuse = {
  invalidTenant: (tenant: string | undefined) => errorMessage(400, 'bad_request', `Tenant '${tenant ?? ''}' is not known.`),
  badRequest: (message: string) => errorMessage(400, 'bad_request', message),
  validation: (details: ErrorDetail[]) =>
    errorMessage(400, 'validation_failure', 'The request failed validation.', details),
  invalidToken: (field: string, what: string) =>
    errorMessage(400, 'invalid_token', `The ${what} is unknown, expired or already used.`, [
      { field, type: 'invalid_value', message: `Unknown or used ${what}.` },
    ]),
  notActivated: () =>
    errorMessage(400, 'account_not_activated', 'The account has not been activated yet; confirm the activation mail.'),
  forbidden: () => errorMessage(403, 'forbidden', 'User not authorized.'),
  addressNotFound: (addressId: string, customerNumber: string) =>
    errorMessage(404, 'resource_not_found', `Address ${addressId} of customer ${customerNumber} not found.`),
  duplicateAccount: (email: string, tenant: string) =>
    errorMessage(409, 'conflict_resource', `Duplicate account '${email}' for tenant '${tenant}'.`),
  versionConflict: (current: number) =>
    errorMessage(409, 'conflict_resource', `Stale metadata.version: the current version is ${current}.`),
  invalidAccessToken: () => fault('Invalid access token', 'oauth.v2.InvalidAccessToken'),
  accessTokenExpired: () => fault('Access Token expired', 'keymanagement.service.access_token_expired'),
  invalidApiKey: () => fault('Invalid ApiKey', 'oauth.v2.InvalidApiKey'),
  invalidRefreshToken: () => fault('Invalid refresh token', 'oauth.v2.InvalidRefreshToken'),
  invalidCredentials: () => fault('Invalid credentials', 'customer.login.InvalidCredentials'),
  invalidSubjectToken: () => fault('Invalid subject token', 'oauth.v2.InvalidSubjectToken'),
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
