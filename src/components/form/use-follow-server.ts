/**
 * Keeps a form that edits server data in step with that data: when newer values arrive (a reload after a
 * conflict, a change made in another tab or by another form, the answer to the form's own save), every
 * field the shopper has not touched shows the new value, and every field the shopper has edited keeps the
 * edit. What the form shows about itself stays: its errors (the message explaining a reload among them),
 * its submit outcome, what is dirty and touched. Nothing moves while a submit is under way; the newest
 * values are applied once it has ended.
 */
import { useEffect, useRef } from 'react';
import { useFormState, type FieldValues, type UseFormReturn } from 'react-hook-form';

const FOLLOW = {
  keepDirtyValues: true,
  keepDirty: true,
  keepErrors: true,
  keepTouched: true,
  keepIsSubmitted: true,
  keepIsSubmitSuccessful: true,
  keepSubmitCount: true,
  keepFieldsRef: true,
} as const;

/** Form values are plain data (strings, booleans, nested records): their JSON tells whether they changed. */
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Applies `values` — the form's values for the server's current record — whenever they change, keeping the
 * shopper's edits (react-hook-form's `values` with `keepDirtyValues`, held back while a submit runs).
 */
export function useFollowServer<TInput extends FieldValues, TOutput>(
  form: UseFormReturn<TInput, unknown, TOutput>,
  values: TInput,
): void {
  const { isSubmitting } = useFormState({ control: form.control });
  const applied = useRef(values);
  useEffect(() => {
    if (isSubmitting || same(applied.current, values)) return;
    applied.current = values;
    form.reset(values, FOLLOW);
  }, [form, values, isSubmitting]);
}
