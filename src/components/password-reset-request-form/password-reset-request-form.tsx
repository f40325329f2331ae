import { forwardRef } from 'react';
import type { ReactNode } from 'react';
import type {
  PasswordResetRequestFormInput,
  PasswordResetRequestFormValues,
} from '../../forms/password-reset-request-form-schema';
import type { AccountFormComponentProps } from '../account-form';
import { EmailRequestForm } from '../email-request-form';
import { passwordResetRequestMessages } from './messages';
import {
  usePasswordResetRequestForm,
  type UsePasswordResetRequestFormOptions,
} from './use-password-reset-request-form';

/**
 * Props of `PasswordResetRequestForm`: the options of `usePasswordResetRequestForm`, the form's own props, and the
 * rest for its `<form>`.
 */
export interface PasswordResetRequestFormProps
  extends UsePasswordResetRequestFormOptions,
    AccountFormComponentProps<PasswordResetRequestFormInput, PasswordResetRequestFormValues> {
  /** Replaces the message shown once the request was accepted (default: `passwordResetRequest.sent`). */
  renderSuccess?: (result: { email: string }) => ReactNode;
}

/**
 * Asks for a password reset link by email. Without children it renders a complete, unstyled, accessible
 * form; with children you compose it from the parts, with one field named `email`. Once the request is
 * accepted the form gives way to a focused `role="status"` message worded so it never tells whether the
 * email has an account.
 *
 * @selector [data-pending] - the request is in flight
 *
 * @example
 * ```tsx
 * <PasswordResetRequestForm site="main" defaultValues={{ email }} />
 * ```
 */
export const PasswordResetRequestForm = forwardRef<HTMLFormElement, PasswordResetRequestFormProps>(
  function PasswordResetRequestForm({ defaultValues, site, onSuccess, ...props }, ref) {
    const { form, onSubmit, sentTo } = usePasswordResetRequestForm({ defaultValues, site, onSuccess });
    return (
      <EmailRequestForm
        ref={ref}
        form={form}
        onSubmit={onSubmit}
        sentTo={sentTo}
        prefix="passwordResetRequest"
        defaults={passwordResetRequestMessages}
        {...props}
      />
    );
  },
);
