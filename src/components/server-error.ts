/**
 * Turns an error thrown by a client operation into what a form shows: always a message key, never the
 * server's or the gateway's own text (written for developers, in English, sometimes a gateway's). The key
 * says only what is known: the kinds of failure the client recognises (see `EmporixErrorType`) get their own
 * message; a refusal whose details name fields asks the shopper to check those entries (the details reach the
 * fields they name, in the API's words); any other refusal is "the request was refused", and a failure on
 * the server's side "something went wrong".
 */
import { EmporixError } from '../api/errors';
import type { ServerErrorLike } from './form/apply-server-error';

const MESSAGE_BY_TYPE: Readonly<Record<string, string>> = {
  network_error: 'form.networkError',
  timeout: 'form.networkError',
  malformed_response: 'form.unknownError',
  session_expired: 'form.sessionExpired',
  not_logged_in: 'form.sessionExpired',
  session_changed: 'form.sessionExpired',
  invalid_config: 'form.shopUnavailable',
  invalid_credentials: 'login.invalidCredentials',
};

const own = (record: object, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);

/**
 * The form error for `error`. `byType` replaces the message of some error types for one form, e.g. a refused
 * current password on the password change.
 */
export function toFormError(error: unknown, byType: Readonly<Record<string, string>> = {}): ServerErrorLike {
  if (!(error instanceof EmporixError)) return { message: 'form.unknownError', status: 0 };
  let message: string;
  if (own(byType, error.type)) message = byType[error.type] as string;
  else if (own(MESSAGE_BY_TYPE, error.type)) message = MESSAGE_BY_TYPE[error.type] as string;
  else if (error.status === 403) message = 'form.forbidden';
  // The API named what it did not accept: the details go on their fields.
  else if (error.status >= 400 && error.status < 500) message = error.details.length > 0 ? 'form.checkEntries' : 'form.refused';
  else message = 'form.unknownError';
  return { status: error.status, message, details: error.details };
}
