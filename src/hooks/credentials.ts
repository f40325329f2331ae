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
 * @example
 * ```ts
 * const sealed = new SealedCredentials({ email, password }, { email });
 * await client.login(sealed.take()); // sealed.sent === true; only sealed.visible is left
 * ```
 */
export class SealedCredentials<TInput, TVisible> {
  /** What may be kept and shown after the request, e.g. `{ email }` of a login. */
  readonly visible: TVisible;
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
export type SocialLoginInput = { code: string; redirectUri: string; codeVerifier?: string };
export type SocialLoginVisible = Pick<SocialLoginInput, 'redirectUri'>;
/** The URL the identity provider sent the shopper back to (it carries the code and the state). */
export type SocialLoginCallback = string | URL;
export type ExchangeTokenInput = { subjectAccessToken: string; config?: string };
export type ExchangeTokenVisible = Pick<ExchangeTokenInput, 'config'>;
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
