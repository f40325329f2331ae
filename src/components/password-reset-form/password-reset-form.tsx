import { forwardRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { PasswordResetFormValues } from '../../forms/password-reset-form-schema';
import { AccountForm, type AccountFormComponentProps } from '../account-form';
import { AccountMessages, OutcomeMessage } from '../account-outcome';
import { useMessages, type MessageOverrides } from '../form/messages';
import { Submit } from '../form/submit';
import { PasswordResetRequestForm } from '../password-reset-request-form/password-reset-request-form';
import { TextField } from '../text-field';
import { passwordResetMessages } from './messages';
import { PasswordResetFormError, RequestNewLinkContext } from './password-reset-form-error';
import {
  usePasswordResetForm,
  type PasswordResetFormFields,
  type UsePasswordResetFormOptions,
} from './use-password-reset-form';

/**
 * Props of `PasswordResetForm`: the options of `usePasswordResetForm`, its own callbacks and renderers, and the rest
 * for its `<form>`.
 */
export interface PasswordResetFormProps
  extends UsePasswordResetFormOptions,
    AccountFormComponentProps<PasswordResetFormFields, PasswordResetFormValues> {
  /** Offered as "Log in" once the password is changed; receives the account's email when it is known. */
  onLogin?: (email: string | undefined) => void;
  /**
   * Offered as "Request a new link" when the link is invalid, expired or used; receives the email when it is
   * known. Without it, a form asking for a new link shows in place.
   */
  onRequestNewLink?: (email: string | undefined) => void;
  /** Replaces what is shown once the password is changed. */
  renderSuccess?: (result: { email: string | undefined }) => ReactNode;
  /** Replaces what is shown when the link is invalid, expired or used. */
  renderInvalidLink?: () => ReactNode;
}

/**
 * Sets a new password with the token from a reset link. Without children it renders a complete, unstyled,
 * accessible form — the account's email for password managers (`autocomplete="username"`: read-only when
 * `email` is given, else optional), the new password twice; with children you compose it from the parts,
 * named `email`, `password` and `confirmPassword`.
 *
 * A link that cannot work — no token, or one the API refuses as invalid, expired or used — gives way to a
 * message and a way to get a new link: `onRequestNewLink`, or else a form that sends one. Once the password
 * is changed the form gives way to a focused `role="status"` message offering `onLogin(email)`, so the
 * login can start with the email filled in.
 *
 * @selector [data-pending] - the request is in flight
 * @selector [data-state="done" | "invalidLink"] - the outcome shown in place of the form
 *
 * @example
 * ```tsx
 * <PasswordResetForm
 *   token={searchParams.get('token') ?? ''}
 *   onLogin={(email) => navigate('/login', { state: { email } })}
 *   onRequestNewLink={() => navigate('/password-reset')}
 * />
 *
 * // On the login page:
 * <LoginForm defaultValues={{ email: location.state?.email ?? '' }} />
 * ```
 */
export const PasswordResetForm = forwardRef<HTMLFormElement, PasswordResetFormProps>(function PasswordResetForm(
  { token, email: givenEmail, onSuccess, onLogin, onRequestNewLink, renderSuccess, renderInvalidLink, messages, children, ...props },
  ref,
) {
  const { form, onSubmit, done, linkInvalid, email } = usePasswordResetForm({ token, email: givenEmail, onSuccess });
  // A link without a token is invalid from the start: nothing had the focus, nothing takes it.
  const [invalidFromStart] = useState(!token);
  if (done) {
    return (
      <AccountMessages defaults={passwordResetMessages} messages={messages}>
        {renderSuccess ? renderSuccess({ email }) : <PasswordResetDone email={email} onLogin={onLogin} />}
      </AccountMessages>
    );
  }
  if (linkInvalid) {
    const typed = form.getValues('email').trim() || givenEmail;
    return (
      <AccountMessages defaults={passwordResetMessages} messages={messages}>
        {renderInvalidLink ? (
          renderInvalidLink()
        ) : (
          <PasswordResetInvalidLink
            email={typed}
            onRequestNewLink={onRequestNewLink}
            focusOnMount={!invalidFromStart}
            messages={messages}
          />
        )}
      </AccountMessages>
    );
  }
  return (
    <RequestNewLinkContext.Provider value={onRequestNewLink && (() => onRequestNewLink(form.getValues('email') || undefined))}>
      <AccountForm ref={ref} form={form} onSubmit={onSubmit} defaults={passwordResetMessages} messages={messages} {...props}>
        {children ?? <NewPasswordFields emailGiven={Boolean(givenEmail)} />}
      </AccountForm>
    </RequestNewLinkContext.Provider>
  );
});

/** The default rendering: the form error, the account's email, the new password twice and the submit button. */
function NewPasswordFields({ emailGiven }: { emailGiven: boolean }) {
  const t = useMessages();
  return (
    <>
      <PasswordResetFormError />
      <TextField
        name="email"
        label={t('passwordReset.email')}
        description={emailGiven ? undefined : t('passwordReset.emailHint')}
        type="email"
        autoComplete="username"
        readOnly={emailGiven}
      />
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

function PasswordResetDone({
  email,
  onLogin,
}: {
  email: string | undefined;
  onLogin: ((email: string | undefined) => void) | undefined;
}) {
  const t = useMessages();
  return (
    <div data-state="done">
      <OutcomeMessage>{t('passwordReset.done')}</OutcomeMessage>
      {onLogin && (
        <button type="button" onClick={() => onLogin(email)}>
          {t('passwordReset.logIn')}
        </button>
      )}
    </div>
  );
}

/** The link cannot work: say so, and offer a new one — the app's way, or a request form in place. */
function PasswordResetInvalidLink({
  email,
  onRequestNewLink,
  focusOnMount,
  messages,
}: {
  email: string | undefined;
  onRequestNewLink: ((email: string | undefined) => void) | undefined;
  focusOnMount: boolean;
  messages: MessageOverrides | undefined;
}) {
  const t = useMessages();
  return (
    <div data-state="invalidLink">
      <OutcomeMessage role="alert" focusOnMount={focusOnMount}>
        {t('passwordReset.invalidToken')}
      </OutcomeMessage>
      {onRequestNewLink ? (
        <button type="button" onClick={() => onRequestNewLink(email)}>
          {t('passwordReset.requestNewLink')}
        </button>
      ) : (
        <PasswordResetRequestForm
          aria-label={t('passwordReset.newLinkTitle')}
          defaultValues={email ? { email } : undefined}
          messages={messages}
        />
      )}
    </div>
  );
}
