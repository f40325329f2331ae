/**
 * Turns an error thrown by a client operation into what a form shows: a message key for the failures every
 * form shares (offline, session over, unreadable answer, server failure), the server's own message and field
 * details otherwise.
 */
import { EmporixError } from '../api/errors';
import type { ServerErrorLike } from './form/apply-server-error';

const MESSAGE_BY_TYPE: Readonly<Record<string, string>> = {
  network_error: 'form.networkError',
  malformed_response: 'form.unknownError',
  session_expired: 'form.sessionExpired',
  not_logged_in: 'form.sessionExpired',
  session_changed: 'form.sessionExpired',
  invalid_credentials: 'login.invalidCredentials',
  account_not_activated: 'login.notActivated',
};

export function toFormError(error: unknown): ServerErrorLike {
  if (!(error instanceof EmporixError)) return { message: 'form.unknownError', status: 0 };
  // A gateway's or server's own text for a 5xx is not written for shoppers.
  const fallback = error.status >= 500 ? 'form.unknownError' : error.message;
  return {
    status: error.status,
    message: Object.prototype.hasOwnProperty.call(MESSAGE_BY_TYPE, error.type) ? MESSAGE_BY_TYPE[error.type]! : fallback,
    details: error.details,
  };
}
