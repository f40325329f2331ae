import { Slot } from './slot';
import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useFieldControl } from './use-field-control';

/** Props of {@link Select}. `name` and `id` come from the enclosing `<Field>`. */
export interface SelectProps extends Omit<ComponentPropsWithoutRef<'select'>, 'name' | 'id'> {
  /** Render the user's own element instead of a `<select>`, merging props, handlers and `className`. */
  asChild?: boolean;
}

/**
 * The field's native `<select>` (pass the `<option>`s as children), wired like {@link Input}.
 *
 * @selector [data-invalid] - the field has an error
 * @selector [data-disabled] - the control is disabled
 */
export const Select = forwardRef<HTMLSelectElement, SelectProps>(function Select({ asChild, ...props }, ref) {
  const controlProps = useFieldControl('Select', props, ref);
  const Comp = asChild ? Slot : 'select';
  return <Comp {...controlProps} />;
});
