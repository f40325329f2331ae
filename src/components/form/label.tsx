import { Slot } from './slot';
import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useFieldContext, useFieldState } from './field-context';

/** Props of {@link Label}. `htmlFor` and `id` come from the enclosing `<Field>`. */
export interface LabelProps extends Omit<ComponentPropsWithoutRef<'label'>, 'htmlFor' | 'id'> {
  /** Render the user's own element instead of a `<label>`, merging props, handlers and `className`. */
  asChild?: boolean;
}

/**
 * The field's `<label>`, pointing at the field's control.
 *
 * @selector [data-invalid] - the field has an error
 */
export const Label = forwardRef<HTMLLabelElement, LabelProps>(function Label({ asChild, ...props }, ref) {
  const field = useFieldContext('Label');
  const { invalid } = useFieldState('Label');
  const Comp = asChild ? Slot : 'label';
  return (
    <Comp
      ref={ref}
      {...props}
      id={field.labelId}
      htmlFor={field.id}
      data-invalid={invalid ? '' : undefined}
    />
  );
});
