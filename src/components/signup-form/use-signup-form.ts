import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { EmporixError } from '../../api/errors';
import {
  signupFieldMap,
  signupFormDefaults,
  signupFormSchema,
  toCustomerSignup,
  type SignupFormInput,
  type SignupFormValues,
} from '../../forms/signup-form-schema';
import { useLogin } from '../../hooks/use-login';
import type { ServerErrorLike } from '../form/apply-server-error';
import { formIssueMessages } from '../form/form-issue-messages';
import { toFormError } from '../server-error';
import { useSignup } from '../../hooks/use-signup';
import { useWarmAnonymousToken } from '../../hooks/use-warm-anonymous-token';

/**
 * How the tenant activates new accounts — its configuration, which the API's answer to a signup does not
 * reveal:
 * - `'immediate'`: a new account can log in at once;
 * - `'doubleOptIn'`: it waits for the link of the activation mail the tenant sends;
 * - `'employee'`: it waits for an employee of the shop to activate it.
 */
export type SignupActivation = 'immediate' | 'doubleOptIn' | 'employee';

/**
 * How a signup ended:
 * - `loggedIn`: the account is active and the customer is logged in (`activation: 'immediate'`);
 * - `confirmationPending`: the account waits for the link mailed to `email` (`activation: 'doubleOptIn'`);
 * - `awaitingActivation`: the account waits to be activated — by an employee (`activation: 'employee'`), or,
 *   with `'immediate'`, because the login right after the signup was refused (the tenant activates otherwise);
 * - `created`: the account exists but the login after it did not get through (e.g. the network dropped):
 *   ask the shopper to log in.
 */
export interface SignupResult {
  /**
   * How the signup ended: `loggedIn` (the account is active and the customer logged in), `confirmationPending`
   * (double opt-in: the account waits for the link of the activation mail), `awaitingActivation` (the account
   * waits to be activated, by an employee or otherwise), or `created` (the account exists but the login right
   * after did not get through, e.g. the network dropped).
   */
  status: 'loggedIn' | 'confirmationPending' | 'awaitingActivation' | 'created';
  /** The login email of the new account. */
  email: string;
}

/** Options of `useSignupForm` (and the matching props of `<SignupForm>`). */
export interface UseSignupFormOptions {
  /** Initial values on top of {@link signupFormDefaults}, e.g. the shop's language and currency. */
  defaultValues?: Partial<SignupFormInput>;
  /**
   * How the tenant activates new accounts (default `'immediate'`). Only with `'immediate'` is the customer
   * logged in after the signup; with `'doubleOptIn'` and `'employee'` no login is tried (it could only be
   * refused) and the form says what happens next.
   */
  activation?: SignupActivation;
  /**
   * Whether the tenant uses double opt-in: `true` means `activation: 'doubleOptIn'`.
   *
   * @deprecated Use `activation`.
   */
  doubleOptIn?: boolean;
  /** Called once the account exists, with how it ended. */
  onSuccess?: (result: SignupResult) => void;
}

/**
 * A signup refusal as the form shows it: 409 says the account exists (documented), field paths land on the
 * form's fields — `customerDetails.contactEmail` on the contact email when the form has one, else on `email`.
 */
function toSignupFormError(error: unknown, hasContactEmail: boolean): ServerErrorLike {
  if (error instanceof EmporixError && error.status === 409) return { status: 409, message: 'signup.accountExists' };
  const formError = toFormError(error);
  const fieldMap: Readonly<Record<string, string>> = hasContactEmail
    ? { ...signupFieldMap, 'customerDetails.contactEmail': 'contactEmail' }
    : signupFieldMap;
  return {
    ...formError,
    details: formError.details?.map((detail) => ({
      ...detail,
      field:
        detail.field !== undefined && Object.prototype.hasOwnProperty.call(fieldMap, detail.field)
          ? fieldMap[detail.field]
          : detail.field,
    })),
  };
}

/** Whether the login right after a signup was refused (rather than lost on the way). */
function isRefused(error: unknown): boolean {
  return error instanceof EmporixError && error.type === 'invalid_credentials';
}

/**
 * The signup form's state and submit handler, for markup of your own. Pass `form` and `onSubmit` to `<Form>`.
 * Submitting creates the account (with `customerDetails.contactEmail`: the form's `contactEmail`, else
 * `email`), then — only when the tenant activates accounts at once (`activation: 'immediate'`, the default)
 * — logs the customer in; `result` tells how it ended (see {@link SignupResult}). A 409 becomes the form
 * error `signup.accountExists` (type `'409'`), the API's field details land on the matching fields, and
 * every typed value stays after a failure.
 *
 * @example
 * ```tsx
 * const { form, onSubmit, result } = useSignupForm({ activation: 'doubleOptIn' });
 * if (result?.status === 'confirmationPending') return <p role="status">Check your inbox.</p>;
 * return <Form form={form} onSubmit={onSubmit}>…</Form>;
 * ```
 */
export function useSignupForm(options: UseSignupFormOptions = {}) {
  const signup = useSignup();
  useWarmAnonymousToken();
  const login = useLogin();
  const [result, setResult] = useState<SignupResult>();
  const form = useForm<SignupFormInput, unknown, SignupFormValues>({
    resolver: zodResolver(signupFormSchema, { error: formIssueMessages }),
    defaultValues: { ...signupFormDefaults, ...options.defaultValues },
  });

  const activation = options.activation ?? (options.doubleOptIn ? 'doubleOptIn' : 'immediate');
  const onSubmit = async (values: SignupFormValues): Promise<void> => {
    const body = toCustomerSignup(values);
    try {
      await signup.mutateAsync(body);
    } catch (error) {
      throw toSignupFormError(error, Boolean(values.contactEmail));
    }
    const credentials = body.signup ?? { email: body.email, password: body.password };
    let status: SignupResult['status'] = activation === 'doubleOptIn' ? 'confirmationPending' : 'awaitingActivation';
    if (activation === 'immediate') {
      try {
        await login.mutateAsync(credentials);
        status = 'loggedIn';
      } catch (error) {
        status = isRefused(error) ? 'awaitingActivation' : 'created';
      }
    }
    const outcome: SignupResult = { status, email: credentials.email };
    setResult(outcome);
    options.onSuccess?.(outcome);
  };

  return { form, onSubmit, result, signup, login };
}
