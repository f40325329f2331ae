import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
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

export interface UsePasswordResetFormOptions {
  /** The reset token from the link the shopper followed (e.g. read from the URL). */
  token: string;
  /** Called once the new password is set. */
  onSuccess?: () => void;
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
 * password with `token`. A token the API refuses (or an empty one) becomes the form error
 * `passwordReset.invalidToken` of type {@link INVALID_RESET_TOKEN} — the link cannot work, the shopper needs a
 * new one; other failures keep the typed values for a retry. `done` is true once the password is changed.
 *
 * @example
 * ```tsx
 * const { form, onSubmit, done } = usePasswordResetForm({ token: params.get('token') ?? '' });
 * if (done) return <p role="status">Password changed. <a href="/login">Log in</a></p>;
 * return <Form form={form} onSubmit={onSubmit}>…</Form>;
 * ```
 */
export function usePasswordResetForm(options: UsePasswordResetFormOptions) {
  const resetPassword = useResetPassword();
  const [done, setDone] = useState(false);
  const form = useForm<PasswordResetFormInput, unknown, PasswordResetFormValues>({
    resolver: zodResolver(passwordResetFormSchema, { error: formIssueMessages }),
    defaultValues: { password: '', confirmPassword: '' },
  });

  const onSubmit = async ({ password }: PasswordResetFormValues): Promise<void> => {
    const invalidToken = () =>
      form.setError('root.server', { type: INVALID_RESET_TOKEN, message: 'passwordReset.invalidToken' });
    if (!options.token) return invalidToken();
    try {
      await resetPassword.mutateAsync({ token: options.token, password });
    } catch (error) {
      if (isInvalidToken(error)) return invalidToken();
      throw toFormError(error);
    }
    setDone(true);
    options.onSuccess?.();
  };

  return { form, onSubmit, done, resetPassword };
}
