import { forwardRef, useContext } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { OutcomeMessage } from '../account-outcome';
import { useMessages } from '../form/messages';
import { toFormError } from '../server-error';
import { useResendActivation } from '../../hooks/use-resend-activation';
import { SignupActionsContext } from './signup-actions';
import type { SignupResult } from './use-signup-form';

/** Props of {@link SignupOutcome}. */
export interface SignupOutcomeProps extends ComponentPropsWithoutRef<'div'> {
  /** How the signup ended (from `useSignupForm().result` or `onSuccess`). */
  result: SignupResult;
}

/**
 * What `<SignupForm>` shows instead of the form once the account exists: "you are logged in"; or, with
 * double opt-in, "check your inbox" with a button that sends the activation link again; or "please log in".
 * The message is a focused `role="status"`.
 *
 * @selector [data-state="loggedIn" | "confirmationPending" | "created"] - how the signup ended
 */
export const SignupOutcome = forwardRef<HTMLDivElement, SignupOutcomeProps>(function SignupOutcome(
  { result, ...props },
  ref,
) {
  const t = useMessages();
  const { onLoginInstead } = useContext(SignupActionsContext);
  return (
    <div ref={ref} {...props} data-state={result.status}>
      {result.status === 'loggedIn' && <OutcomeMessage>{t('signup.loggedIn')}</OutcomeMessage>}
      {result.status === 'created' && (
        <>
          <OutcomeMessage>{t('signup.created')}</OutcomeMessage>
          {onLoginInstead && (
            <button type="button" onClick={() => onLoginInstead(result.email)}>
              {t('signup.logIn')}
            </button>
          )}
        </>
      )}
      {result.status === 'confirmationPending' && (
        <>
          <OutcomeMessage>{t('signup.confirmationPending', { email: result.email })}</OutcomeMessage>
          <ResendActivationButton email={result.email} />
        </>
      )}
    </div>
  );
});

/** Sends the activation mail again, and says so (or why not) in a live region. */
function ResendActivationButton({ email }: { email: string }) {
  const t = useMessages();
  const resend = useResendActivation();
  return (
    <>
      <button
        type="button"
        disabled={resend.isPending}
        aria-disabled={resend.isPending || undefined}
        data-pending={resend.isPending ? '' : undefined}
        onClick={() => resend.mutate({ email })}
      >
        {t(resend.isPending ? 'signup.resending' : 'signup.resend')}
      </button>
      {resend.isSuccess && <p role="status">{t('signup.resent')}</p>}
      {resend.isError && <p role="alert">{t(toFormError(resend.error).message)}</p>}
    </>
  );
}
