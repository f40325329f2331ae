import {
  passwordResetRequestFormSchema,
  type PasswordResetRequestFormInput,
  type PasswordResetRequestFormValues,
} from '../../forms/password-reset-request-form-schema';
import { useRequestPasswordReset } from '../../hooks/use-request-password-reset';
import { useEmailRequestForm } from '../use-email-request-form';

/** Options of `usePasswordResetRequestForm` (and the matching props of `<PasswordResetRequestForm>`). */
export interface UsePasswordResetRequestFormOptions {
  /** Initial values, e.g. the email typed into the login form. */
  defaultValues?: Partial<PasswordResetRequestFormInput>;
  /** The site whose reset mail (template and link) to send; the tenant's default without. */
  site?: string;
  /** Called once the request was accepted, with the email it was made for. */
  onSuccess?: (result: { email: string }) => void;
}

/**
 * The password-reset request form's state and submit handler, for markup of your own. The API answers the
 * same (204) whether or not the email has an account, so `sentTo` — set once the request was accepted —
 * never tells whether the account exists.
 *
 * @example
 * ```tsx
 * const { form, onSubmit, sentTo } = usePasswordResetRequestForm({ site: 'main' });
 * if (sentTo) return <p role="status">If {sentTo} has an account, a reset link is on its way.</p>;
 * return <Form form={form} onSubmit={onSubmit}>…</Form>;
 * ```
 */
export function usePasswordResetRequestForm(options: UsePasswordResetRequestFormOptions = {}) {
  const requestReset = useRequestPasswordReset();
  const { form, onSubmit, sentTo } = useEmailRequestForm<PasswordResetRequestFormInput, PasswordResetRequestFormValues>(
    passwordResetRequestFormSchema,
    (values) => requestReset.mutateAsync(options.site ? { ...values, site: options.site } : values),
    options,
  );

  return { form, onSubmit, sentTo, requestReset };
}
