import { forwardRef } from 'react';
import type { ReactNode } from 'react';
import type {
  PasswordResetRequestFormInput,
  PasswordResetRequestFormValues,
} from '../../forms/password-reset-request-form-schema';
import { AccountForm, type AccountFormComponentProps } from '../account-form';
import { AccountMessages, OutcomeMessage } from '../account-outcome';
import { FormError } from '../form/form-error';
import { useMessages } from '../form/messages';
import { Submit } from '../form/submit';
import { TextField } from '../text-field';
import { passwordResetRequestMessages } from './messages';
import {
  usePasswordResetRequestForm,
  type UsePasswordResetRequestFormOptions,
} from './use-password-reset-request-form';

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
  function PasswordResetRequestForm({ defaultValues, site, onSuccess, renderSuccess, messages, children, ...props }, ref) {
    const { form, onSubmit, sentTo } = usePasswordResetRequestForm({ defaultValues, site, onSuccess });
    if (sentTo !== undefined) {
      return (
        <AccountMessages defaults={passwordResetRequestMessages} messages={messages}>
          {renderSuccess ? renderSuccess({ email: sentTo }) : <PasswordResetRequestSent email={sentTo} />}
        </AccountMessages>
      );
    }
    return (
      <AccountForm
        ref={ref}
        form={form}
        onSubmit={onSubmit}
        defaults={passwordResetRequestMessages}
        messages={messages}
        {...props}
      >
        {children ?? <PasswordResetRequestFormFields />}
      </AccountForm>
    );
  },
);

/** The default rendering: the email field, the form-level error and the submit button. */
function PasswordResetRequestFormFields() {
  const t = useMessages();
  return (
    <>
      <FormError />
      <TextField name="email" label={t('passwordResetRequest.email')} type="email" autoComplete="email" />
      <Submit>{({ pending }) => t(pending ? 'passwordResetRequest.submitting' : 'passwordResetRequest.submit')}</Submit>
    </>
  );
}

function PasswordResetRequestSent({ email }: { email: string }) {
  const t = useMessages();
  return <OutcomeMessage>{t('passwordResetRequest.sent', { email })}</OutcomeMessage>;
}
