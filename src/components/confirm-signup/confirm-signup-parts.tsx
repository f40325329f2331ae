import { Slot } from '../form/slot';
import { createContext, forwardRef, useContext } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { useMessages } from '../form/messages';
import { ResendActivationForm } from '../resend-activation-form/resend-activation-form';
import { toFormError } from '../server-error';
import type { ConfirmSignupFlow } from './use-confirm-signup-flow';

interface ConfirmSignupContextValue extends ConfirmSignupFlow {
  onResendActivation: (() => void) | undefined;
}

export const ConfirmSignupContext = createContext<ConfirmSignupContextValue | null>(null);
ConfirmSignupContext.displayName = 'ConfirmSignupContext';

function useConfirmSignupContext(partName: string): ConfirmSignupContextValue {
  const context = useContext(ConfirmSignupContext);
  if (context === null) throw new Error(`\`<${partName}>\` must be used within \`<ConfirmSignup>\`.`);
  return context;
}

/** Props of the message parts: shown in one state only, with the default text unless children replace it. */
export interface ConfirmSignupMessageProps extends ComponentPropsWithoutRef<'p'> {
  /** Render the user's own element instead of a `<p>`, merging props, handlers and `className`. */
  asChild?: boolean;
}

function stateMessage(partName: string, state: ConfirmSignupFlow['status'], role: 'status' | 'alert', key: string) {
  const Part = forwardRef<HTMLParagraphElement, ConfirmSignupMessageProps>(function Part(
    { asChild, children, ...props },
    ref,
  ) {
    const { status } = useConfirmSignupContext(partName);
    const t = useMessages();
    if (status !== state) return null;
    const Comp = asChild ? Slot : 'p';
    return (
      <Comp role={role} ref={ref} {...props}>
        {children ?? t(key)}
      </Comp>
    );
  });
  Part.displayName = partName;
  return Part;
}

/** "Activating your account…" (`role="status"`) while the request is in flight. */
export const ConfirmSignupConfirming = stateMessage('Confirming', 'confirming', 'status', 'confirmSignup.confirming');
/** "Your account is activated" (`role="status"`) once it is, and the customer is logged in. */
export const ConfirmSignupConfirmed = stateMessage('Confirmed', 'confirmed', 'status', 'confirmSignup.confirmed');
/** "This activation link is invalid or has expired" (`role="alert"`). */
export const ConfirmSignupInvalidLink = stateMessage('InvalidLink', 'invalidToken', 'alert', 'confirmSignup.invalidToken');

/** Props of {@link ConfirmSignupFailed}. */
export interface ConfirmSignupFailedProps extends Omit<ConfirmSignupMessageProps, 'children'> {
  /** Replaces the message; a function receives `{ message }`. */
  children?: ReactNode | ((error: { message: string }) => ReactNode);
}

/** Why the request did not get through (`role="alert"`), e.g. the network is down. */
export const ConfirmSignupFailed = forwardRef<HTMLParagraphElement, ConfirmSignupFailedProps>(function Failed(
  { asChild, children, ...props },
  ref,
) {
  const { status, error } = useConfirmSignupContext('Failed');
  const t = useMessages();
  if (status !== 'failed') return null;
  const message = t(toFormError(error).message);
  const Comp = asChild ? Slot : 'p';
  return (
    <Comp role="alert" ref={ref} {...props}>
      {typeof children === 'function' ? children({ message }) : (children ?? message)}
    </Comp>
  );
});

/** Props of {@link ConfirmSignupRetry}. */
export interface ConfirmSignupRetryProps extends Omit<ComponentPropsWithoutRef<'button'>, 'type' | 'onClick'> {
  /** Render the user's own element instead of a `<button>`, merging props, handlers and `className`. */
  asChild?: boolean;
}

/** "Try again" after a failed request; sends the confirmation again. */
export const ConfirmSignupRetry = forwardRef<HTMLButtonElement, ConfirmSignupRetryProps>(function Retry(
  { asChild, children, ...props },
  ref,
) {
  const { status, retry } = useConfirmSignupContext('Retry');
  const t = useMessages();
  if (status !== 'failed') return null;
  const Comp = asChild ? Slot : 'button';
  return (
    <Comp type="button" ref={ref} {...props} onClick={retry}>
      {children ?? t('confirmSignup.retry')}
    </Comp>
  );
});

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
