import { forwardRef, useMemo } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { AccountMessages } from '../account-outcome';
import type { MessageOverrides } from '../form/messages';
import {
  ConfirmSignupConfirmed,
  ConfirmSignupConfirming,
  ConfirmSignupContext,
  ConfirmSignupFailed,
  ConfirmSignupInvalidLink,
  ConfirmSignupResendActivation,
  ConfirmSignupRetry,
} from './confirm-signup-parts';
import { confirmSignupMessages } from './messages';
import { useConfirmSignupFlow, type UseConfirmSignupFlowOptions } from './use-confirm-signup-flow';

/** Props of `ConfirmSignup`: the options of `useConfirmSignupFlow`, and the rest for its `<div>`. */
export interface ConfirmSignupProps extends UseConfirmSignupFlowOptions, ComponentPropsWithoutRef<'div'> {
  /** Called when the link is invalid, instead of showing a `<ResendActivationForm>` (e.g. to navigate to one). */
  onResendActivation?: () => void;
  /** Parts of your own; the default messages and actions for every state without. */
  children?: ReactNode;
  /** Replacements for any message of this component (and the resend form inside it), e.g. translations. */
  messages?: MessageOverrides;
}

/**
 * Activates a double opt-in account with the token from the activation link, once, as soon as it mounts;
 * the customer is then logged in. Without children it shows every state: confirming (`role="status"`),
 * confirmed (`role="status"`), an invalid or expired link (`role="alert"`) with a way to a new link — a
 * `<ResendActivationForm>`, or a button calling `onResendActivation` — and a failed request (`role="alert"`)
 * with "Try again". With children you compose it from `ConfirmSignupParts`, each of which renders in its
 * state only.
 *
 * @selector [data-state="confirming" | "confirmed" | "invalidToken" | "failed"] - where it stands
 *
 * @example
 * ```tsx
 * <ConfirmSignup token={new URLSearchParams(location.search).get('token') ?? ''} onSuccess={() => navigate('/account')} />
 * ```
 */
export const ConfirmSignup = forwardRef<HTMLDivElement, ConfirmSignupProps>(function ConfirmSignup(
  { token, onSuccess, onResendActivation, messages, children, ...props },
  ref,
) {
  const flow = useConfirmSignupFlow({ token, onSuccess });
  const { status, error, retry } = flow;
  const context = useMemo(
    () => ({ status, error, retry, onResendActivation }),
    [status, error, retry, onResendActivation],
  );
  return (
    <AccountMessages defaults={confirmSignupMessages} messages={messages}>
      <ConfirmSignupContext.Provider value={context}>
        <div ref={ref} {...props} data-state={status}>
          {children ?? (
            <>
              <ConfirmSignupConfirming />
              <ConfirmSignupConfirmed />
              <ConfirmSignupInvalidLink />
              <ConfirmSignupResendActivation />
              <ConfirmSignupFailed />
              <ConfirmSignupRetry />
            </>
          )}
        </div>
      </ConfirmSignupContext.Provider>
    </AccountMessages>
  );
});
