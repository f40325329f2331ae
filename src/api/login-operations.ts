/**
 * The operations that start a customer session — a new login, with a per-login id of its own: email and
 * password, double opt-in confirmation, token exchange, social login — and sign-up before them.
 */
import type { Call, CallInput } from './bound-call';
import { EmporixError, isTokenFault } from './errors';
import type { OperationName } from './operations';
import { parseResourceLocation } from './parse';
import type { LoginResult } from './request-options';
import type { CustomerSignup, PasswordAuthentication } from './schemas';
import type { Session } from './session';
import { beginSocialLogin, completeSocialLogin, type BeginSocialLoginOptions } from './social-login';

/** A call whose answer starts a customer session. */
async function startCustomerWith(call: Call, session: Session, operation: OperationName, input: CallInput): Promise<LoginResult> {
  const raw = await call(operation, input);
  session.startCustomer(raw, operation);
  const initialPassword = (raw as { initialPassword?: unknown } | undefined)?.initialPassword;
  return { initialPassword: initialPassword === true || initialPassword === 'true' };
}

export function loginOperations(call: Call, session: Session) {
  const startCustomer = (operation: OperationName, input: CallInput) => startCustomerWith(call, session, operation, input);
  return {
    /** Creates an account (201 `{ id }`); with double opt-in the account waits for the mailed link. */
    async signup(body: CustomerSignup): Promise<{ id: string }> {
      return parseResourceLocation(await call('signup', { body }), 'signup');
    },

    /** Logs a customer in with email and password; a refused login is an `invalid_credentials` error. */
    async login(body: PasswordAuthentication): Promise<LoginResult> {
      try {
        return await startCustomer('login', { body });
      } catch (error) {
        if (!(error instanceof EmporixError && error.status === 401 && !isTokenFault(error))) throw error;
        throw new EmporixError({
          status: 401,
          type: 'invalid_credentials',
          message: 'The email or password is incorrect.',
          code: error.code,
          operation: 'login',
        });
      }
    },

    /** Exchanges an identity provider's access token for an Emporix customer session. */
    exchangeToken(input: { subjectAccessToken: string; config?: string }): Promise<LoginResult> {
      return startCustomer('exchangeToken', { query: { subjectAccessToken: input.subjectAccessToken, config: input.config } });
    },

    /**
     * Activates a double opt-in account with the mailed token; the customer is then logged in. The link
     * is single-use, so it is sent once: when that request fails on the way, the error has
     * `outcomeUnknown: true` — the account may be active already (try logging in).
     */
    confirmSignup: (token: string): Promise<LoginResult> => startCustomer('confirmSignup', { params: { token } }),

    /**
     * Asks the API to mail the activation link again (double opt-in). The API documents one answer only, so it does
     * not tell whether a mail went out.
     */
    async resendActivation(body: { email: string }): Promise<void> {
      await call('resendActivation', { body });
    },
  };
}

/** Social login: the checked flow (`beginSocialLogin` / `completeSocialLogin`) and the raw code exchange. */
export function socialLoginOperations(call: Call, session: Session, tenant: string, storageNamespace: string) {
  /** A code is sent once: a 401 is not replayed. */
  async function socialLogin(input: { code: string; redirectUri: string; codeVerifier?: string }): Promise<LoginResult> {
    await session.ensureAnonymous();
    return startCustomerWith(call, session, 'socialLogin', {
      query: { code: input.code, redirect_uri: input.redirectUri, code_verifier: input.codeVerifier },
      headers: { 'session-id': session.getState().sessionId },
    });
  }

  /** What the social login helpers need of the client; one object, so that a code is spent once per client. */
  const socialLoginTarget = { tenant, storageNamespace, socialLogin };

  return {
    /**
     * Completes a social login with the identity provider's authorization code (prefer
     * `completeSocialLogin`, which also checks the state). A code is sent once: a 401 is not replayed.
     */
    socialLogin,

    /**
     * Starts a social login: returns the identity provider URL (PKCE S256 + random `state`) to redirect
     * to; the verifier and state wait in this tab's sessionStorage for `completeSocialLogin`. Both URLs
     * must be https (http only on localhost).
     */
    beginSocialLogin: (options: BeginSocialLoginOptions): Promise<string> => beginSocialLogin(socialLoginTarget, options),

    /** Finishes a social login on the redirect page: verifies `state`, then spends the code once. */
    completeSocialLogin: (callbackUrl: string | URL): Promise<LoginResult> =>
      completeSocialLogin(socialLoginTarget, callbackUrl),
  };
}
