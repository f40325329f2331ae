/**
 * Passwords, mailed tokens and authorization codes must not outlive the request that carries them.
 * TanStack Query keeps a mutation's `variables` in the mutation cache and in every `useMutation` result
 * for as long as the mutation is observed — `gcTime: 0` does not help while a form still shows it. So the
 * credential mutations take a `SealedCredentials` as their variables: the cache holds the seal, the request
 * takes the secret out of it exactly once, and from then on only the `visible` part (e.g. the email) is left.
 */
import { EmporixError } from '../api/errors';
import type {
  ChangeEmailRequest,
  CustomerSignup,
  PasswordAuthentication,
  PasswordChange,
  PasswordUpdate,
} from '../api/schemas';

/**
 * A password, mailed token or authorization code wrapped so that it can be sent once and is gone afterwards:
 * what a mutation cache, devtools or a log may keep of it is the `visible` part only.
 *
 * @example
 * ```ts
 * const sealed = new SealedCredentials({ email, password }, { email });
 * await client.login(sealed.take()); // sealed.sent === true; only sealed.visible is left
 * ```
 */
export class SealedCredentials<TInput, TVisible> {
  /** What may be kept and shown after the request, e.g. `{ email }` of a login. */
  readonly visible: TVisible;
  /** The secret input, until `take()` hands it out; private, so no code outside can read it. */
  #input: { value: TInput } | undefined;

  constructor(input: TInput, visible: TVisible) {
    this.#input = { value: input };
    this.visible = visible;
  }

  /** Whether the secret was handed to a request (and is gone from here). */
  get sent(): boolean {
    return this.#input === undefined;
  }

  /** Hands the full input to the request, once; afterwards only `visible` remains. */
  take(): TInput {
    const input = this.#input;
    if (input === undefined) {
      throw new EmporixError({
        status: 0,
        type: 'invalid_state',
        message: 'These credentials were already sent once; submit them again to retry.',
      });
    }
    this.#input = undefined;
    return input.value;
  }

  /** Serialisation (devtools, dehydration, logs) shows the visible part only. */
  toJSON(): TVisible {
    return this.visible;
  }
}

/** The login's visible part: which email tried. */
export type LoginVisible = Pick<PasswordAuthentication, 'email'>;
/** A signup without its passwords. */
export type SignupVisible = Omit<CustomerSignup, 'password' | 'signup'>;
/**
 * What the raw social login sends: the identity provider's authorization code, the redirect URI it was issued for,
 * and the PKCE verifier when one was used.
 */
export type SocialLoginInput = {
  /** The authorization code the identity provider sent back; it can be spent once. */
  code: string;
  /** The redirect URI the code was issued for, exactly as sent to the identity provider. */
  redirectUri: string;
  /** The PKCE verifier, when the sign-in started with a code challenge. */
  codeVerifier?: string;
};
/** A social login's visible part: the redirect URI. */
export type SocialLoginVisible = Pick<SocialLoginInput, 'redirectUri'>;
/** The URL the identity provider sent the shopper back to (it carries the code and the state). */
export type SocialLoginCallback = string | URL;
/**
 * What a token exchange sends: the identity provider's access token, and optionally which of the tenant's exchange
 * configurations to use.
 */
export type ExchangeTokenInput = {
  /** The access token (a JWT) the identity provider issued to the shopper. */
  subjectAccessToken: string;
  /** Which of the tenant's exchange configurations to use (e.g. `site_PL`); the default one when left out. */
  config?: string;
};
/** A token exchange's visible part: the configuration name, without the token. */
export type ExchangeTokenVisible = Pick<ExchangeTokenInput, 'config'>;
/** A login-email change request without its password. */
export type EmailChangeVisible = Omit<ChangeEmailRequest, 'password'>;

/**
 * One sealer per credential mutation; each keeps only what a UI may show afterwards. The hooks seal for
 * you; these are for apps that use `customerMutations` with `useMutation` directly.
 *
 * @example
 * ```ts
 * useMutation(customerMutations.changePassword(client, scope)).mutate(sealCredentials.changePassword(values));
 * ```
 */
export const sealCredentials = {
  login: (input: PasswordAuthentication) =>
    new SealedCredentials<PasswordAuthentication, LoginVisible>(input, { email: input.email }),
  signup: (input: CustomerSignup) => {
    const { password: _password, signup: _signup, ...visible } = input;
    return new SealedCredentials<CustomerSignup, SignupVisible>(input, visible);
  },
  confirmSignup: (token: string) => new SealedCredentials<string, undefined>(token, undefined),
  completeSocialLogin: (callbackUrl: SocialLoginCallback) =>
    new SealedCredentials<SocialLoginCallback, undefined>(callbackUrl, undefined),
  socialLogin: (input: SocialLoginInput) =>
    new SealedCredentials<SocialLoginInput, SocialLoginVisible>(input, { redirectUri: input.redirectUri }),
  exchangeToken: (input: ExchangeTokenInput) =>
    new SealedCredentials<ExchangeTokenInput, ExchangeTokenVisible>(input, { config: input.config }),
  changePassword: (input: PasswordChange) => new SealedCredentials<PasswordChange, undefined>(input, undefined),
  resetPassword: (input: PasswordUpdate) => new SealedCredentials<PasswordUpdate, undefined>(input, undefined),
  requestEmailChange: (input: ChangeEmailRequest) => {
    const { password: _password, ...visible } = input;
    return new SealedCredentials<ChangeEmailRequest, EmailChangeVisible>(input, visible);
  },
  confirmEmailChange: (input: { token: string }) =>
    new SealedCredentials<{ token: string }, undefined>(input, undefined),
};
