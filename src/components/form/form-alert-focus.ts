/**
 * Where focus goes when a submit ends on a form-level error: `<Form>` arms this when a submit starts (and
 * disarms it when the submit ends without one), and `<FormError>` takes the focus when its error appears —
 * unless a field with an error already has it. So the shopper lands on the first invalid field, or else on
 * the alert that says what went wrong.
 */
import { createContext } from 'react';

export interface FormAlertFocus {
  /** A submit is under way or just ended on a form-level error: the next one to appear may take the focus. */
  armed: boolean;
}

export const FormAlertFocusContext = createContext<FormAlertFocus | null>(null);
