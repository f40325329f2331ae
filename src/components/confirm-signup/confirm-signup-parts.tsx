import type { ReactNode } from 'react';
import { useMessages } from '../form/messages';
import {
  createMailedTokenParts,
  type MailedTokenFailedProps,
  type MailedTokenMessageProps,
  type MailedTokenRetryProps,
} from '../mailed-token';
import { createPartContext } from '../form/create-part-context';
import { ResendActivationForm } from '../resend-activation-form/resend-activation-form';
import type { ConfirmSignupFlow } from './use-confirm-signup-flow';

interface ConfirmSignupContextValue extends ConfirmSignupFlow {
  onResendActivation: (() => void) | undefined;
}

export const [ConfirmSignupContext, useConfirmSignupContext] =
  createPartContext<ConfirmSignupContextValue>('ConfirmSignup');

/** Props of the message parts: shown in one state only, with the default text unless children replace it. */
export type ConfirmSignupMessageProps = MailedTokenMessageProps;
/** Props of {@link ConfirmSignupFailed}. */
export type ConfirmSignupFailedProps = MailedTokenFailedProps;
/** Props of {@link ConfirmSignupRetry}. */
export type ConfirmSignupRetryProps = MailedTokenRetryProps;

const parts = createMailedTokenParts(useConfirmSignupContext, 'confirmSignup.retry', 'confirmSignup.outcomeUnknown');

/** "Activating your account…" (`role="status"`) while the request is in flight. */
export const ConfirmSignupConfirming = parts.message('Confirming', 'confirming', 'status', 'confirmSignup.confirming');
/** "Your account is activated" (`role="status"`) once it is, and the customer is logged in. */
export const ConfirmSignupConfirmed = parts.message('Confirmed', 'confirmed', 'status', 'confirmSignup.confirmed');
/** "This activation link did not work: it may have expired or been used already" (`role="alert"`). */
export const ConfirmSignupInvalidLink = parts.message('InvalidLink', 'invalidToken', 'alert', 'confirmSignup.invalidToken');
/**
 * Why the request did not get through (`role="alert"`), e.g. the network is down; children may replace it.
 * When the answer was lost on the way (the link may be used up already) it says to try logging in, and
 * `ConfirmSignupRetry` stays hidden.
 */
export const ConfirmSignupFailed = parts.Failed;
/** "Try again" after a failed request; sends the confirmation again. */
export const ConfirmSignupRetry = parts.Retry;

/**
 * The way to a new activation link when this one is invalid: a button calling `onResendActivation` when
 * `<ConfirmSignup>` has it, else a `<ResendActivationForm>` (children replace either).
 */
export function ConfirmSignupResendActivation({ children }: { children?: ReactNode }) {
  const { status, onResendActivation } = useConfirmSignupContext('ResendActivation');
  const t = useMessages();
  if (status !== 'invalidToken') return null;
  if (children !== undefined) return <>{children}</>;
  if (onResendActivation) {
    return (
      <button type="button" onClick={onResendActivation}>
        {t('confirmSignup.requestNewLink')}
      </button>
    );
  }
  return <ResendActivationForm />;
}
