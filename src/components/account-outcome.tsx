/**
 * What the one-shot account flows (signup, confirmations, resend, password reset) show once they are done:
 * the same messages shell as `AccountForm` without the form, and a status message that takes the focus,
 * so a screen reader reads it and keyboard users continue from there when the form it replaces is gone.
 */
import { Slot } from './form/slot';
import { forwardRef, useEffect, useRef } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { composeRefs } from './form/compose-refs';
import { MessageDefaults, MessagesProvider, type MessageOverrides } from './form/messages';

const noOverrides: MessageOverrides = {};

/** A component's own default messages under the app's, the caller's `messages` on top. */
export function AccountMessages({
  defaults,
  messages,
  children,
}: {
  defaults: Readonly<Record<string, string>>;
  messages?: MessageOverrides | undefined;
  children?: ReactNode;
}) {
  return (
    <MessageDefaults messages={defaults}>
      <MessagesProvider messages={messages ?? noOverrides}>{children}</MessagesProvider>
    </MessageDefaults>
  );
}

/** Props of {@link OutcomeMessage}. */
export interface OutcomeMessageProps extends ComponentPropsWithoutRef<'p'> {
  /** Render the user's own element instead of a `<p>`, merging props, handlers and `className`. */
  asChild?: boolean;
  /** Take the focus when it appears (default): it replaces what had the focus. */
  focusOnMount?: boolean;
}

/**
 * A `role="status"` message (pass `role="alert"` for a failure) that is focused when it appears: it replaces
 * what had the focus. Not when it is there from the start (`focusOnMount={false}`): then nothing had it.
 */
export const OutcomeMessage = forwardRef<HTMLParagraphElement, OutcomeMessageProps>(function OutcomeMessage(
  { asChild, focusOnMount = true, ...props },
  ref,
) {
  const own = useRef<HTMLParagraphElement>(null);
  const focus = useRef(focusOnMount);
  useEffect(() => {
    if (focus.current) own.current?.focus();
  }, []);
  const Comp = asChild ? Slot : 'p';
  return <Comp role="status" tabIndex={-1} {...props} ref={composeRefs(ref, own)} />;
});
