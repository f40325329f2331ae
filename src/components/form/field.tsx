import { Slot } from './slot';
import { forwardRef, useCallback, useId, useMemo, useState } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { FieldContext, FieldStateContext } from './field-context';
import type { DescribingPart, FieldContextValue, FieldStateValue } from './field-context';
import { useFormMethods } from './form-context';
import { useFormSelector } from './use-form-selector';

interface FieldSnapshot {
  readonly invalid: boolean;
  readonly dirty: boolean;
  readonly touched: boolean;
  readonly type: string | undefined;
  readonly message: string | undefined;
}

const FIELD_STATE = { errors: true, dirtyFields: true, touchedFields: true } as const;

function sameSnapshot(a: FieldSnapshot, b: FieldSnapshot): boolean {
  return (
    a.invalid === b.invalid &&
    a.dirty === b.dirty &&
    a.touched === b.touched &&
    a.type === b.type &&
    a.message === b.message
  );
}

/** Props of {@link Field}. */
export interface FieldProps extends ComponentPropsWithoutRef<'div'> {
  /** The react-hook-form field name (a dotted path for nested values). */
  name: string;
  /** Render the user's element instead of a `<div>`, merging props, handlers and `className`. */
  asChild?: boolean;
}

/**
 * Groups the parts of one form field and wires them together: ids for `<Label>`, `<Input>`, `<Description>`
 * and `<FieldError>`, and the field's state. It re-renders only when this field's error, dirty or touched
 * state changes — never because another field changed.
 *
 * @selector [data-invalid] - the field has an error (client or server)
 * @selector [data-dirty] - the value differs from its default
 * @selector [data-touched] - the control has lost focus at least once
 */
export const Field = forwardRef<HTMLDivElement, FieldProps>(function Field({ name, asChild, ...props }, ref) {
  const form = useFormMethods('Field');
  const { invalid, dirty, touched, type, message } = useFormSelector(
    form,
    name,
    FIELD_STATE,
    (): FieldSnapshot => {
      const { invalid, isDirty, isTouched, error } = form.getFieldState(name);
      return {
        invalid,
        dirty: isDirty,
        touched: isTouched,
        type: error?.type === undefined ? undefined : String(error.type),
        message: error?.message,
      };
    },
    sameSnapshot,
  );

  const base = useId();
  const [parts, setParts] = useState<Readonly<Record<DescribingPart, number>>>({ description: 0, error: 0 });
  const registerPart = useCallback((part: DescribingPart) => {
    setParts((current) => ({ ...current, [part]: current[part] + 1 }));
    return () => setParts((current) => ({ ...current, [part]: current[part] - 1 }));
  }, []);
  const hasDescription = parts.description > 0;
  const hasErrorMessage = parts.error > 0;

  const field = useMemo<FieldContextValue>(
    () => ({
      name,
      id: `${base}-control`,
      labelId: `${base}-label`,
      descriptionId: `${base}-description`,
      errorId: `${base}-error`,
      hasDescription,
      hasErrorMessage,
      registerPart,
    }),
    [name, base, hasDescription, hasErrorMessage, registerPart],
  );
  const state = useMemo<FieldStateValue>(
    () => ({
      invalid,
      dirty,
      touched,
      error: invalid ? { type: type ?? 'invalid', message } : undefined,
    }),
    [invalid, dirty, touched, type, message],
  );

  const Comp = asChild ? Slot : 'div';
  return (
    <FieldContext.Provider value={field}>
      <FieldStateContext.Provider value={state}>
        <Comp
          ref={ref}
          {...props}
          data-invalid={invalid ? '' : undefined}
          data-dirty={dirty ? '' : undefined}
          data-touched={touched ? '' : undefined}
        />
      </FieldStateContext.Provider>
    </FieldContext.Provider>
  );
});
