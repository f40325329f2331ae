import { Slot } from '../form/slot';
import { createContext, forwardRef, useContext } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { useMessages } from '../form/messages';
import { toFormError } from '../server-error';
import type { ConfirmEmailChangeFlow } from './use-confirm-email-change-flow';

export const ConfirmEmailChangeContext = createContext<ConfirmEmailChangeFlow | null>(null);
ConfirmEmailChangeContext.displayName = 'ConfirmEmailChangeContext';

function useConfirmEmailChangeContext(partName: string): ConfirmEmailChangeFlow {
  const context = useContext(ConfirmEmailChangeContext);
  if (context === null) throw new Error(`\`<${partName}>\` must be used within \`<ConfirmEmailChange>\`.`);
  return context;
}

/** Props of the message parts: shown in one state only, with the default text unless children replace it. */
export interface ConfirmEmailChangeMessageProps extends ComponentPropsWithoutRef<'p'> {
  /** Render the user's own element instead of a `<p>`, merging props, handlers and `className`. */
  asChild?: boolean;
}

function stateMessage(partName: string, state: ConfirmEmailChangeFlow['status'], role: 'status' | 'alert', key: string) {
  const Part = forwardRef<HTMLParagraphElement, ConfirmEmailChangeMessageProps>(function Part(
    { asChild, children, ...props },
    ref,
  ) {
    const { status } = useConfirmEmailChangeContext(partName);
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

/** "Confirming your new email address…" (`role="status"`) while the request is in flight. */
export const ConfirmEmailChangeConfirming = stateMessage(
  'Confirming',
  'confirming',
  'status',
  'confirmEmailChange.confirming',
);
/** "Your login email has been changed" (`role="status"`) once it is. */
export const ConfirmEmailChangeConfirmed = stateMessage(
  'Confirmed',
  'confirmed',
  'status',
  'confirmEmailChange.confirmed',
);
/** "This confirmation link is invalid, expired or already used" (`role="alert"`). */
export const ConfirmEmailChangeInvalidLink = stateMessage(
  'InvalidLink',
  'invalidToken',
  'alert',
  'confirmEmailChange.invalidToken',
);

/** Props of {@link ConfirmEmailChangeFailed}. */
export interface ConfirmEmailChangeFailedProps extends Omit<ConfirmEmailChangeMessageProps, 'children'> {
  /** Replaces the message; a function receives `{ message }`. */
  children?: ReactNode | ((error: { message: string }) => ReactNode);
}

/** Why the request did not get through (`role="alert"`), e.g. the network is down. */
export const ConfirmEmailChangeFailed = forwardRef<HTMLParagraphElement, ConfirmEmailChangeFailedProps>(function Failed(
  { asChild, children, ...props },
  ref,
) {
  const { status, error } = useConfirmEmailChangeContext('Failed');
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

/** Props of {@link ConfirmEmailChangeRetry}. */
export interface ConfirmEmailChangeRetryProps extends Omit<ComponentPropsWithoutRef<'button'>, 'type' | 'onClick'> {
  /** Render the user's own element instead of a `<button>`, merging props, handlers and `className`. */
  asChild?: boolean;
}

/** "Try again" after a failed request; sends the confirmation again. */
export const ConfirmEmailChangeRetry = forwardRef<HTMLButtonElement, ConfirmEmailChangeRetryProps>(function Retry(
  { asChild, children, ...props },
  ref,
) {
  const { status, retry } = useConfirmEmailChangeContext('Retry');
  const t = useMessages();
  if (status !== 'failed') return null;
  const Comp = asChild ? Slot : 'button';
  return (
    <Comp type="button" ref={ref} {...props} onClick={retry}>
      {children ?? t('confirmEmailChange.retry')}
    </Comp>
  );
});
