import { forwardRef } from 'react';
import type { ReactNode } from 'react';
import type {
  ResendActivationFormInput,
  ResendActivationFormValues,
} from '../../forms/resend-activation-form-schema';
import { AccountForm, type AccountFormComponentProps } from '../account-form';
import { AccountMessages, OutcomeMessage } from '../account-outcome';
import { FormError } from '../form/form-error';
import { useMessages } from '../form/messages';
import { Submit } from '../form/submit';
import { TextField } from '../text-field';
import { resendActivationMessages } from './messages';
import { useResendActivationForm, type UseResendActivationFormOptions } from './use-resend-activation-form';

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
  { defaultValues, onSuccess, renderSuccess, messages, children, ...props },
  ref,
) {
  const { form, onSubmit, sentTo } = useResendActivationForm({ defaultValues, onSuccess });
  if (sentTo !== undefined) {
    return (
      <AccountMessages defaults={resendActivationMessages} messages={messages}>
        {renderSuccess ? renderSuccess({ email: sentTo }) : <ResendActivationSent email={sentTo} />}
      </AccountMessages>
    );
  }
  return (
    <AccountForm
      ref={ref}
      form={form}
      onSubmit={onSubmit}
      defaults={resendActivationMessages}
      messages={messages}
      {...props}
    >
      {children ?? <ResendActivationFormFields />}
    </AccountForm>
  );
});

/** The default rendering: the email field, the form-level error and the submit button. */
function ResendActivationFormFields() {
  const t = useMessages();
  return (
    <>
      <FormError />
      <TextField name="email" label={t('resendActivation.email')} type="email" autoComplete="email" />
      <Submit>{({ pending }) => t(pending ? 'resendActivation.submitting' : 'resendActivation.submit')}</Submit>
    </>
  );
}

function ResendActivationSent({ email }: { email: string }) {
  const t = useMessages();
  return <OutcomeMessage>{t('resendActivation.sent', { email })}</OutcomeMessage>;
}
