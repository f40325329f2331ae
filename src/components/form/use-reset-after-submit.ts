/**
 * Resetting a react-hook-form form from inside its submit handler cancels the handler's own bookkeeping
 * (`isSubmitSuccessful`, `submitCount`), so the success state would never show. This defers the reset until
 * the submit has finished successfully. Shared by the account forms that stay on screen after saving.
 */
import { useCallback, useEffect, useRef } from 'react';
import { useFormState, type FieldValues, type UseFormReturn } from 'react-hook-form';

/** Keeps the submit outcome (so `<FormSuccess>` shows) and the registered inputs (so their DOM values update). */
const AFTER_SUBMIT = {
  keepIsSubmitSuccessful: true,
  keepIsSubmitted: true,
  keepSubmitCount: true,
  keepFieldsRef: true,
} as const;

/**
 * Returns `resetAfterSubmit(values)`: call it in the submit handler once the server accepted the values;
 * the form is reset to `values` (its new baseline, nothing dirty) right after the submit completes.
 */
export function useResetAfterSubmit<TInput extends FieldValues, TOutput>(
  form: UseFormReturn<TInput, unknown, TOutput>,
): (values: TInput) => void {
  const next = useRef<{ values: TInput } | null>(null);
  const { isSubmitting, isSubmitSuccessful } = useFormState({ control: form.control });

  useEffect(() => {
    if (isSubmitting || !isSubmitSuccessful || next.current === null) return;
    const { values } = next.current;
    next.current = null;
    form.reset(values, AFTER_SUBMIT);
  }, [form, isSubmitting, isSubmitSuccessful]);

  return useCallback((values: TInput) => {
    next.current = { values };
  }, []);
}
