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
 * How a signup ended:
 * - `loggedIn`: the account is active and the customer is logged in (no double opt-in);
 * - `confirmationPending`: the tenant uses double opt-in — the account waits for the link mailed to `email`;
 * - `created`: the account exists but the automatic login failed (e.g. the network dropped): ask the
 *   shopper to log in.
 */
export interface SignupResult {
  /**
   * How the signup ended: `loggedIn` (the account is active and the customer logged in), `confirmationPending`
   * (double opt-in: the account waits for the link of the activation mail), or `created` (the account exists but the
   * login right after did not succeed, e.g. because an employee has to activate the account first).
   */
  status: 'loggedIn' | 'confirmationPending' | 'created';
  /** The login email of the new account. */
  email: string;
}

/** Options of `useSignupForm` (and the matching props of `<SignupForm>`). */
export interface UseSignupFormOptions {
  /** Initial values on top of {@link signupFormDefaults}, e.g. the shop's language and currency. */
  defaultValues?: Partial<SignupFormInput>;
  /**
   * Whether the tenant asks new customers to confirm their email (double opt-in). `true` skips the login
   * after signup; left out, the form logs the customer in and treats an "account not activated" refusal as
   * double opt-in.
   */
  doubleOptIn?: boolean;
  /** Called once the account exists, with how it ended. */
  onSuccess?: (result: SignupResult) => void;
}

/** A signup refusal as the form shows it: 409 says the account exists, field paths land on the form's fields. */
function toSignupFormError(error: unknown): ServerErrorLike {
  if (error instanceof EmporixError && error.status === 409) return { status: 409, message: 'signup.accountExists' };
  const formError = toFormError(error);
  return {
    ...formError,
    details: formError.details?.map((detail) => ({
      ...detail,
      field:
        detail.field !== undefined && Object.prototype.hasOwnProperty.call(signupFieldMap, detail.field)
          ? signupFieldMap[detail.field]
          : detail.field,
    })),
  };
}

function isNotActivated(error: unknown): boolean {
  return error instanceof EmporixError && error.type === 'account_not_activated';
}

/**
 * The signup form's state and submit handler, for markup of your own. Pass `form` and `onSubmit` to `<Form>`.
 * Submitting creates the account (with `customerDetails.contactEmail` = `email`), then logs the customer in
 * unless the tenant uses double opt-in; `result` tells which (see {@link SignupResult}). A 409 becomes the
 * form error `signup.accountExists` (type `'409'`), the API's field details land on the matching fields,
 * and every typed value stays after a failure.
 *
 * @example
 * ```tsx
 * const { form, onSubmit, result } = useSignupForm({ onSuccess: ({ status }) => status === 'loggedIn' && navigate('/account') });
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

  const onSubmit = async (values: SignupFormValues): Promise<void> => {
    const body = toCustomerSignup(values);
    try {
      await signup.mutateAsync(body);
    } catch (error) {
      throw toSignupFormError(error);
    }
    const credentials = body.signup ?? { email: body.email, password: body.password };
    let status: SignupResult['status'] = 'confirmationPending';
    if (!options.doubleOptIn) {
      try {
        await login.mutateAsync(credentials);
        status = 'loggedIn';
      } catch (error) {
        status = isNotActivated(error) ? 'confirmationPending' : 'created';
      }
    }
    const outcome: SignupResult = { status, email: credentials.email };
    setResult(outcome);
    options.onSuccess?.(outcome);
  };

  return { form, onSubmit, result, signup, login };
}
