import { forwardRef, useMemo } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { AccountMessages } from '../account-outcome';
import type { MessageOverrides } from '../form/messages';
import {
  ConfirmEmailChangeConfirmed,
  ConfirmEmailChangeConfirming,
  ConfirmEmailChangeContext,
  ConfirmEmailChangeFailed,
  ConfirmEmailChangeInvalidLink,
  ConfirmEmailChangeRetry,
} from './confirm-email-change-parts';
import { confirmEmailChangeMessages } from './messages';
import { useConfirmEmailChangeFlow, type UseConfirmEmailChangeFlowOptions } from './use-confirm-email-change-flow';

/** Props of `ConfirmEmailChange`: the options of `useConfirmEmailChangeFlow`, and the rest for its `<div>`. */
export interface ConfirmEmailChangeProps extends UseConfirmEmailChangeFlowOptions, ComponentPropsWithoutRef<'div'> {
  /** Parts of your own; the default messages and the retry button for every state without. */
  children?: ReactNode;
  /** Replacements for any message of this component, e.g. translations. */
  messages?: MessageOverrides;
}

/**
 * Finishes a login-email change with the token from the link mailed to the new address, once, as soon as
 * it mounts (no second request under StrictMode). Without children it shows every state: confirming
 * (`role="status"`), confirmed (`role="status"`), an invalid, expired or used link (`role="alert"`) and a
 * failed request (`role="alert"`) with "Try again". With children you compose it from
 * `ConfirmEmailChangeParts`, each of which renders in its state only.
 *
 * @selector [data-state="confirming" | "confirmed" | "invalidToken" | "failed"] - where it stands
 *
 * @example
 * ```tsx
 * <ConfirmEmailChange token={new URLSearchParams(location.search).get('token') ?? ''} onSuccess={() => navigate('/login')} />
 * ```
 */
export const ConfirmEmailChange = forwardRef<HTMLDivElement, ConfirmEmailChangeProps>(function ConfirmEmailChange(
  { token, onSuccess, messages, children, ...props },
  ref,
) {
  const { status, error, retry } = useConfirmEmailChangeFlow({ token, onSuccess });
  const context = useMemo(() => ({ status, error, retry }), [status, error, retry]);
  return (
    <AccountMessages defaults={confirmEmailChangeMessages} messages={messages}>
      <ConfirmEmailChangeContext.Provider value={context}>
        <div ref={ref} {...props} data-state={status}>
          {children ?? (
            <>
              <ConfirmEmailChangeConfirming />
              <ConfirmEmailChangeConfirmed />
              <ConfirmEmailChangeInvalidLink />
              <ConfirmEmailChangeFailed />
              <ConfirmEmailChangeRetry />
            </>
          )}
        </div>
      </ConfirmEmailChangeContext.Provider>
    </AccountMessages>
  );
});
