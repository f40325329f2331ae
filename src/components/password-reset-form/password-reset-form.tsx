import { forwardRef } from 'react';
import type { ReactNode } from 'react';
import type { PasswordResetFormInput, PasswordResetFormValues } from '../../forms/password-reset-form-schema';
import { AccountForm, type AccountFormComponentProps } from '../account-form';
import { AccountMessages, OutcomeMessage } from '../account-outcome';
import { useMessages } from '../form/messages';
import { Submit } from '../form/submit';
import { TextField } from '../text-field';
import { passwordResetMessages } from './messages';
import { PasswordResetFormError, RequestNewLinkContext } from './password-reset-form-error';
import { usePasswordResetForm, type UsePasswordResetFormOptions } from './use-password-reset-form';

export interface PasswordResetFormProps
  extends UsePasswordResetFormOptions,
    AccountFormComponentProps<PasswordResetFormInput, PasswordResetFormValues> {
  /** Offered as "Log in" once the password is changed. */
  onLogin?: () => void;
  /** Offered as "Request a new link" when the link is invalid, expired or used. */
  onRequestNewLink?: () => void;
  /** Replaces what is shown once the password is changed. */
  renderSuccess?: () => ReactNode;
}

/**
 * Sets a new password with the token from a reset link. Without children it renders a complete, unstyled,
 * accessible form; with children you compose it from the parts, named `password` and `confirmPassword`.
 * An invalid or expired link becomes a form error offering `onRequestNewLink`; once the password is changed
 * the form gives way to a focused `role="status"` message offering `onLogin`.
 *
 * @selector [data-pending] - the request is in flight
 *
 * @example
 * ```tsx
 * <PasswordResetForm
 *   token={searchParams.get('token') ?? ''}
 *   onLogin={() => navigate('/login')}
 *   onRequestNewLink={() => navigate('/password-reset')}
 * />
 * ```
 */
export const PasswordResetForm = forwardRef<HTMLFormElement, PasswordResetFormProps>(function PasswordResetForm(
  { token, onSuccess, onLogin, onRequestNewLink, renderSuccess, messages, children, ...props },
  ref,
) {
  const { form, onSubmit, done } = usePasswordResetForm({ token, onSuccess });
  if (done) {
    return (
      <AccountMessages defaults={passwordResetMessages} messages={messages}>
        {renderSuccess ? renderSuccess() : <PasswordResetDone onLogin={onLogin} />}
      </AccountMessages>
    );
  }
  return (
    <RequestNewLinkContext.Provider value={onRequestNewLink}>
      <AccountForm ref={ref} form={form} onSubmit={onSubmit} defaults={passwordResetMessages} messages={messages} {...props}>
        {children ?? <PasswordResetFormFields />}
      </AccountForm>
    </RequestNewLinkContext.Provider>
  );
});

/** The default rendering: the form error, the new password twice and the submit button. */
function PasswordResetFormFields() {
  const t = useMessages();
  return (
    <>
      <PasswordResetFormError />
      <TextField
        name="password"
        label={t('passwordReset.password')}
        description={t('passwordReset.passwordHint')}
        type="password"
        autoComplete="new-password"
      />
      <TextField
        name="confirmPassword"
        label={t('passwordReset.confirmPassword')}
        type="password"
        autoComplete="new-password"
      />
      <Submit>{({ pending }) => t(pending ? 'passwordReset.submitting' : 'passwordReset.submit')}</Submit>
    </>
  );
}

function PasswordResetDone({ onLogin }: { onLogin: (() => void) | undefined }) {
  const t = useMessages();
  return (
    <div data-state="done">
      <OutcomeMessage>{t('passwordReset.done')}</OutcomeMessage>
      {onLogin && (
        <button type="button" onClick={onLogin}>
          {t('passwordReset.logIn')}
        </button>
      )}
    </div>
  );
}
