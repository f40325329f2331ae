import { Slot } from './slot';
import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useFieldControl } from './use-field-control';

/** Props of {@link Checkbox}. No `value`: the field's value is a boolean. */
export interface CheckboxProps extends Omit<ComponentPropsWithoutRef<'input'>, 'name' | 'id' | 'type' | 'value'> {
  /** Render the user's own `<input type="checkbox">` instead, merging props, handlers and `className`. */
  asChild?: boolean;
}

/**
 * The field's `<input type="checkbox">`, registered as a boolean (`true` when checked), wired like {@link Input}.
 *
 * @selector [data-invalid] - the field has an error
 * @selector [data-disabled] - the control is disabled
 */
export const Checkbox = forwardRef<HTMLInputElement, CheckboxProps>(function Checkbox({ asChild, ...props }, ref) {
  const controlProps = useFieldControl('Checkbox', props, ref);
  const Comp = asChild ? Slot : 'input';
  return <Comp type="checkbox" {...controlProps} />;
});
