/**
 * The errors the proxy answers with, in the shapes the browser client already reads (`errorFromResponse`):
 * an `ErrorMessage` body `{ status, type, message, details }`, and for 401 the gateway's
 * `{ fault: { faultstring, detail: { errorcode } } }`. Built from an `EmporixError`, whose fields were
 * scrubbed of every secret the request held.
 */
import { EmporixError } from '../api/errors';
import { MAX_BODY_BYTES } from './limits';

export function errorBody(error: EmporixError): Record<string, unknown> {
  if (error.status === 401) {
    return { fault: { faultstring: error.message, detail: error.code === undefined ? {} : { errorcode: error.code } } };
  }
  const details = error.details.length > 0 ? { details: error.details } : {};
  return { status: error.status, type: error.type, message: error.message, ...details };
}

const make = (status: number, type: string, message: string, code?: string) =>
  new EmporixError({ status, type, message, ...(code === undefined ? {} : { code }) });

/** Answers the proxy gives on its own, without asking the API. */
export const proxyErrors = {
  notFound: () => make(404, 'not_found', 'This proxy serves the operations of the Emporix Customer Service only.'),
  forbidden: (reason: string) => make(403, 'forbidden', reason),
  badRequest: (message: string) => make(400, 'bad_request', message),
  tooLarge: () => make(413, 'payload_too_large', `The request body is larger than ${MAX_BODY_BYTES} bytes.`),
  uriTooLong: () => make(414, 'uri_too_long', 'The request URL is too long.'),
  unsupportedMediaType: () => make(415, 'unsupported_media_type', 'The proxy accepts JSON request bodies only.'),
  /** No customer session in the cookies: nothing to renew (not a token fault, so clients do not try). */
  noCustomer: () => make(401, 'not_logged_in', 'No customer is logged in.', 'proxy.NoCustomerSession'),
  /**
   * The customer access cookie has run out while the refresh token lives: the code the gateway gives for an
   * expired token, so that a client renews the token and tries again.
   */
  customerTokenExpired: () =>
    make(401, 'unauthorized', 'The customer access token has expired.', 'keymanagement.service.access_token_expired'),
  noRefreshToken: () => make(401, 'unauthorized', 'There is no session to renew.', 'proxy.NoRefreshToken'),
  malformed: (operation: string) =>
    make(502, 'malformed_response', `The Emporix API answered ${operation} with a body the proxy cannot use.`),
  badGateway: (operation: string) =>
    make(502, 'bad_gateway', `The Emporix API answered ${operation} with a redirect the proxy does not follow.`),
  internal: () => make(500, 'internal_error', 'The proxy failed to handle the request.'),
};
