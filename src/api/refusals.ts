/**
 * What a refused request means. The API documents few error bodies, so a refusal is read by what is known
 * about the operation that was refused — the public reference, its tutorial, and answers seen from live
 * tenants (the project's error-evidence notes) — and never by a code nobody has seen the API send. What the
 * rules do not recognise passes through as it came (the server's `type`, or `http_<status>`): an app, and
 * the forms, then say only that the request was refused.
 *
 * Every classified error keeps the status, the gateway code and the operation of the answer, so the session's
 * own rules (renew on a token fault, start over after a refused refresh) read it as before.
 */
import { EmporixError, isTokenFault, type EmporixErrorDetail, type EmporixErrorType } from './errors';
import type { Send } from './transport';

/** The settings a configuration error names. */
export interface RefusalContext {
  tenant: string;
  baseUrl: string;
}

/** The operations whose request carries the token of a mailed link. */
const MAILED_TOKEN_OPERATIONS: ReadonlySet<string> = new Set(['confirmSignup', 'resetPassword', 'confirmEmailChange']);

/** The statuses the reference lists (or a link's expiry may give) for a refused mailed token. */
const MAILED_TOKEN_REFUSALS: ReadonlySet<number> = new Set([400, 401, 403, 404, 410]);

/** The operations that exchange a code or an external token for a customer session. */
const SOCIAL_OPERATIONS: ReadonlySet<string> = new Set(['socialLogin', 'exchangeToken']);

/** The field a refused current password belongs to, per operation (seen live for the password change). */
const PASSWORD_FIELD: Readonly<Record<string, string>> = { changePassword: 'currentPassword', requestEmailChange: 'password' };

/**
 * The API gateway's answer to a client id it does not know (its default body: faultstring `Invalid ApiKey`,
 * errorcode `oauth.v2.InvalidApiKey`), and the proxy's answer when that happened to it.
 */
function refusesApiKey(error: EmporixError): boolean {
  if (error.type === 'anonymous_session_refused') return true;
  return error.status === 401 && (error.code === 'oauth.v2.InvalidApiKey' || /^invalid apikey$/i.test(error.message));
}

function classified(error: EmporixError, type: EmporixErrorType, message: string, details?: EmporixErrorDetail[]): EmporixError {
  return new EmporixError({
    status: error.status,
    type,
    message,
    details: details ?? error.details,
    code: error.code,
    operation: error.operation,
    url: error.url,
    outcomeUnknown: error.outcomeUnknown,
  });
}

function configError(error: EmporixError, context: RefusalContext): EmporixError {
  if (refusesApiKey(error)) {
    return classified(
      error,
      'invalid_config',
      error.type === 'anonymous_session_refused'
        ? "Emporix refused the proxy's tenant or client id: check `tenant` and `clientId` of createCustomerProxy."
        : `Emporix refused the client id (Invalid ApiKey): check \`clientId\`, the storefront API key of tenant '${context.tenant}'.`,
      [],
    );
  }
  if (error.status === 404) {
    return classified(
      error,
      'invalid_config',
      `Emporix answered 404 to the anonymous login: check \`baseUrl\` ('${context.baseUrl}'), the API origin.`,
      [],
    );
  }
  return classified(
    error,
    'invalid_config',
    `Emporix refused the tenant or client id (${error.status}): check \`tenant\` ('${context.tenant}') and \`clientId\`.`,
    [],
  );
}

/**
 * Reads a failure of `operation` by the evidence (see the module comment). Anything that is not a refusal
 * by the API (no answer, a server error, a body the client could not read) comes back unchanged.
 */
export function classifyRefusal(error: unknown, operation: string, context: RefusalContext): unknown {
  if (!(error instanceof EmporixError) || error.status < 400 || error.status >= 500) {
    return error instanceof EmporixError && error.type === 'anonymous_session_refused' ? configError(error, context) : error;
  }
  // The gateway checks the client id before anything else, on any operation.
  if (refusesApiKey(error)) return configError(error, context);
  if (isTokenFault(error)) return error;

  const { status } = error;
  if (operation === 'anonymousLogin') return configError(error, context);

  if (operation === 'login') {
    const refused = status === 401 || status === 403 || (status === 400 && error.details.length === 0);
    return refused
      ? classified(
          error,
          'invalid_credentials',
          `Emporix refused the login (${status}) without saying why: email, password or the account's state.`,
        )
      : error;
  }

  const passwordField = PASSWORD_FIELD[operation];
  if (passwordField !== undefined && status === 401) {
    return classified(error, 'invalid_credentials', 'Emporix refused the password.', [
      { field: passwordField, type: 'invalid_credentials', message: 'The password is not correct.' },
    ]);
  }

  if (MAILED_TOKEN_OPERATIONS.has(operation) && MAILED_TOKEN_REFUSALS.has(status)) {
    // A tenant's password rules on a reset name the password: that is the shopper's input, not the link.
    const aboutPassword = error.details.some((detail) => detail.field === 'password');
    if (!(status === 400 && aboutPassword)) {
      return classified(
        error,
        'mailed_token_refused',
        `Emporix refused the link's token (${status}) without saying why: unknown, expired or used.`,
        [],
      );
    }
  }

  if (SOCIAL_OPERATIONS.has(operation) && (status === 400 || status === 401)) {
    return classified(error, 'social_login_failed', `Emporix refused the sign-in (${status}).`);
  }

  return error;
}

/** `send`, with every refusal read by what is known about its operation ({@link classifyRefusal}). */
export function classifyingSend(send: Send, context: RefusalContext): Send {
  return (request) =>
    send(request).catch((error: unknown) => {
      throw classifyRefusal(error, request.operation, context);
    });
}
