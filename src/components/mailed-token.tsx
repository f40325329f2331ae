/**
 * What the flows that confirm a mailed token share (double opt-in, login-email change): sending the token
 * once, telling a refused token from a request that did not get through, and the parts that show each state.
 */
import { forwardRef, useCallback, useEffect, useRef } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import type { EmporixError } from '../api/errors';
import { useMessages } from './form/messages';
import { Slot } from './form/slot';
import { toFormError } from './server-error';

/**
 * Where a confirmation stands:
 * - `confirming`: the request is in flight (or about to be sent);
 * - `confirmed`: the server accepted the token;
 * - `invalidToken`: the link is unknown, expired or used (or there is no token) — a new one is needed;
 * - `failed`: the request did not get through (network, server error) — `retry()` sends it again.
 */
export type MailedTokenStatus = 'confirming' | 'confirmed' | 'invalidToken' | 'failed';

export interface MailedTokenFlow {
  /** Where the confirmation stands: `confirming`, `confirmed`, `invalidToken` or `failed`. */
  status: MailedTokenStatus;
  /** The failure behind `invalidToken` (when the API refused the token) and `failed`. */
  error: EmporixError | null;
  /** Sends the confirmation again after a `failed` one (the token was not used up). */
  retry: () => void;
}

/** The mutation a flow sends the token with. */
export interface MailedTokenMutation<TData> {
  send: (token: string, onSuccess: (data: TData) => void) => void;
  error: EmporixError | null;
  isSuccess: boolean;
  isError: boolean;
}

/** A refused token: a 4xx other than the ones that say nothing about the token (auth, scope, rate limit). */
function refusesToken(error: EmporixError | null): boolean {
  return error !== null && error.status >= 400 && error.status < 500 && ![401, 403, 429].includes(error.status);
}

/**
 * Sends `token` once on mount — also under React's StrictMode, which runs effects twice: a token is
 * single-use, so a second request would fail — and again only when the token changes.
 */
export function useMailedTokenFlow<TData>(
  mutation: MailedTokenMutation<TData>,
  token: string,
  onSuccess: ((data: TData) => void) | undefined,
): MailedTokenFlow {
  const { send: sendToken } = mutation;
  const sentFor = useRef<string | null>(null);
  const onSuccessRef = useRef(onSuccess);
  useEffect(() => {
    onSuccessRef.current = onSuccess;
  });

  const send = useCallback(() => {
    sentFor.current = token;
    sendToken(token, (data) => onSuccessRef.current?.(data));
  }, [sendToken, token]);

  useEffect(() => {
    if (token && sentFor.current !== token) send();
  }, [token, send]);

  const { error } = mutation;
  let status: MailedTokenStatus = 'confirming';
  if (!token || refusesToken(error)) status = 'invalidToken';
  else if (mutation.isSuccess) status = 'confirmed';
  else if (mutation.isError) status = 'failed';
  return { status, error, retry: send };
}

/** Props of the message parts: shown in one state only, with the default text unless children replace it. */
export interface MailedTokenMessageProps extends ComponentPropsWithoutRef<'p'> {
  /** Render the user's own element instead of a `<p>`, merging props, handlers and `className`. */
  asChild?: boolean;
}

/** Props of the part saying why the request did not get through. */
export interface MailedTokenFailedProps extends Omit<MailedTokenMessageProps, 'children'> {
  /** Replaces the message; a function receives `{ message }`. */
  children?: ReactNode | ((error: { message: string }) => ReactNode);
}

/** Props of the "Try again" part. */
export interface MailedTokenRetryProps extends Omit<ComponentPropsWithoutRef<'button'>, 'type' | 'onClick'> {
  /** Render the user's own element instead of a `<button>`, merging props, handlers and `className`. */
  asChild?: boolean;
}

/**
 * The parts every mailed-token flow has, reading the flow from `useFlowContext`: a message per state
 * (`message(…)`), the failure, and "Try again" (its text under `retryKey`). With `outcomeUnknownKey`, a
 * request whose outcome is unknown (it failed on the way; the single-use token may be spent already) shows
 * that text instead and offers no "Try again", which could only report a used link.
 */
export function createMailedTokenParts(
  useFlowContext: (partName: string) => MailedTokenFlow,
  retryKey: string,
  outcomeUnknownKey?: string,
) {
  const unknownOutcome = (error: EmporixError | null) => outcomeUnknownKey !== undefined && error?.outcomeUnknown === true;

  function message(partName: string, state: MailedTokenStatus, role: 'status' | 'alert', key: string) {
    const Part = forwardRef<HTMLParagraphElement, MailedTokenMessageProps>(function Part(
      { asChild, children, ...props },
      ref,
    ) {
      const { status } = useFlowContext(partName);
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

  const Failed = forwardRef<HTMLParagraphElement, MailedTokenFailedProps>(function Failed(
    { asChild, children, ...props },
    ref,
  ) {
    const { status, error } = useFlowContext('Failed');
    const t = useMessages();
    if (status !== 'failed') return null;
    const text = t(unknownOutcome(error) ? (outcomeUnknownKey as string) : toFormError(error).message);
    const Comp = asChild ? Slot : 'p';
    return (
      <Comp role="alert" ref={ref} {...props}>
        {typeof children === 'function' ? children({ message: text }) : (children ?? text)}
      </Comp>
    );
  });

  const Retry = forwardRef<HTMLButtonElement, MailedTokenRetryProps>(function Retry({ asChild, children, ...props }, ref) {
    const { status, retry, error } = useFlowContext('Retry');
    const t = useMessages();
    if (status !== 'failed' || unknownOutcome(error)) return null;
    const Comp = asChild ? Slot : 'button';
    return (
      <Comp type="button" ref={ref} {...props} onClick={retry}>
        {children ?? t(retryKey)}
      </Comp>
    );
  });

  return { message, Failed, Retry };
}
