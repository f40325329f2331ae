/**
 * Where focus goes when a submit ends on a form-level error: `<Form>` arms this when a submit starts, and
 * `<FormError>` takes the focus when its error appears — unless a field with an error already has it. So
 * the shopper lands on the first invalid field, or else on the alert that says what went wrong.
 */
import { createContext } from 'react';

export interface FormAlertFocus {
  /** A submit started: the next form-level error to appear may take the focus. */
  arm(): void;
  /** The submit ended without a form-level error: nothing will. */
  disarm(): void;
  /** Whether the error now appearing should take the focus (once per submit). */
  consume(): boolean;
}

export const FormAlertFocusContext = createContext<FormAlertFocus | null>(null);
FormAlertFocusContext.displayName = 'FormAlertFocusContext';

export function createFormAlertFocus(): FormAlertFocus {
  let armed = false;
  return {
    arm: () => {
      armed = true;
    },
    disarm: () => {
      armed = false;
    },
    consume: () => {
      const was = armed;
      armed = false;
      return was;
    },
  };
}

/** Whether the focused element is a control marked invalid: the field-level error already has the shopper's attention. */
export function focusIsOnInvalidControl(): boolean {
  const active = typeof document === 'undefined' ? null : document.activeElement;
  return active?.getAttribute('aria-invalid') === 'true';
}
