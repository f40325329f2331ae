import { forwardRef } from 'react';
import type { ReactNode } from 'react';
import type {
  ResendActivationFormInput,
  ResendActivationFormValues,
} from '../../forms/resend-activation-form-schema';
import type { AccountFormComponentProps } from '../account-form';
import { EmailRequestForm } from '../email-request-form';
import { resendActivationMessages } from './messages';
import { useResendActivationForm, type UseResendActivationFormOptions } from './use-resend-activation-form';

/**
 * Props of `ResendActivationForm`: the options of `useResendActivationForm`, the form's own props, and the rest for
 * its `<form>`.
 */
export interface ResendActivationFormProps
  extends UseResendActivationFormOptions,
    AccountFormComponentProps<ResendActivationFormInput, ResendActivationFormValues> {
  /** Replaces the message shown once the request was accepted (default: `resendActivation.sent`). */
  renderSuccess?: (result: { email: string }) => ReactNode;
}

/**
 * Sends the double opt-in activation mail again. Without children it renders a complete, unstyled,
 * accessible form; with children you compose it from the parts, with one field named `email`. Once the
 * request is accepted the form gives way to a focused `role="status"` message saying a new link is on its
 * way — worded so it never tells whether the email has an account.
 *
 * @selector [data-pending] - the request is in flight
 *
 * @example
 * ```tsx
 * <ResendActivationForm defaultValues={{ email }} />
 * ```
 */
export const ResendActivationForm = forwardRef<HTMLFormElement, ResendActivationFormProps>(function ResendActivationForm(
  { defaultValues, onSuccess, ...props },
  ref,
) {
  const { form, onSubmit, sentTo } = useResendActivationForm({ defaultValues, onSuccess });
  return (
    <EmailRequestForm
      ref={ref}
      form={form}
      onSubmit={onSubmit}
      sentTo={sentTo}
      prefix="resendActivation"
      defaults={resendActivationMessages}
      {...props}
    />
  );
});
