import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { EmporixError } from '../../api/errors';
import {
  passwordResetFormSchema,
  type PasswordResetFormInput,
  type PasswordResetFormValues,
} from '../../forms/password-reset-form-schema';
import { formIssueMessages } from '../form/form-issue-messages';
import { toFormError } from '../server-error';
import { useResetPassword } from '../../hooks/use-reset-password';

/** The form-level error type of a reset token the API refused (unknown, expired or used). */
export const INVALID_RESET_TOKEN = 'invalid_token';

/** What the password-reset form holds: the schema's fields, and the account's email for password managers. */
export type PasswordResetFormFields = PasswordResetFormInput & {
  /** The account's login email (`autocomplete="username"`); not sent, the token says whose password it is. */
  email: string;
};

/** What `onSuccess` receives once the new password is set. */
export interface PasswordResetResult {
  /** The account's email, when it was given or typed: hand it to the login form (`<LoginForm defaultValues={{ email }}>`). */
  email: string | undefined;
}

/** Options of `usePasswordResetForm` (and the matching props of `<PasswordResetForm>`). */
export interface UsePasswordResetFormOptions {
  /** The reset token from the link the shopper followed (e.g. read from the URL). */
  token: string;
  /**
   * The account's email, if the app knows it (from the link, or from the reset request made in this tab). It
   * fills the form's `email` field, which password managers read to save the new password for the account.
   */
  email?: string | undefined;
  /** Called once the new password is set, with the account's email when it is known. */
  onSuccess?: ((result: PasswordResetResult) => void) | undefined;
}

function isInvalidToken(error: unknown): boolean {
  if (!(error instanceof EmporixError)) return false;
  return (
    error.type === 'invalid_token' ||
    error.status === 404 ||
    error.status === 410 ||
    (error.status === 400 && error.details.some((detail) => detail.field === 'token'))
  );
}

/**
 * The password-reset form's state and submit handler, for markup of your own. Submitting sends the new
 * password with `token`. A token the API refuses, or none at all, sets `linkInvalid` — the link cannot
 * work, the shopper needs a new one — and the form error `passwordReset.invalidToken` of type
 * {@link INVALID_RESET_TOKEN}; other failures keep the typed values for a retry. `done` is true once the
 * password is changed, and `email` is the account's email when it was given or typed.
 *
 * @example
 * ```tsx
 * const { form, onSubmit, done, linkInvalid, email } = usePasswordResetForm({ token: params.get('token') ?? '' });
 * if (linkInvalid) return <p role="alert">This link no longer works. <a href="/password-reset">Get a new one</a></p>;
 * if (done) return <p role="status">Password changed. <a href={`/login?email=${email ?? ''}`}>Log in</a></p>;
 * return <Form form={form} onSubmit={onSubmit}>…</Form>;
 * ```
 */
export function usePasswordResetForm(options: UsePasswordResetFormOptions) {
  const resetPassword = useResetPassword();
  const [done, setDone] = useState(false);
  const [refused, setRefused] = useState<string | undefined>(undefined);
  const [email, setEmail] = useState(options.email);
  const form = useForm<PasswordResetFormFields, unknown, PasswordResetFormValues>({
    // The schema checks the passwords; `email` is only carried (the resolver leaves it out of the values).
    resolver: zodResolver(passwordResetFormSchema, { error: formIssueMessages }) as unknown as Resolver<
      PasswordResetFormFields,
      unknown,
      PasswordResetFormValues
    >,
    defaultValues: { email: options.email ?? '', password: '', confirmPassword: '' },
  });

  const onSubmit = async ({ password }: PasswordResetFormValues): Promise<void> => {
    const invalidToken = () => {
      setRefused(options.token);
      form.setError('root.server', { type: INVALID_RESET_TOKEN, message: 'passwordReset.invalidToken' });
    };
    if (!options.token) return invalidToken();
    try {
      await resetPassword.mutateAsync({ token: options.token, password });
    } catch (error) {
      if (isInvalidToken(error)) return invalidToken();
      throw toFormError(error);
    }
    const account = form.getValues('email').trim() || undefined;
    setEmail(account);
    setDone(true);
    options.onSuccess?.({ email: account });
  };

  const linkInvalid = !options.token || (refused !== undefined && refused === options.token);
  return { form, onSubmit, done, linkInvalid, email, resetPassword };
}
