import { Slot } from './slot';
import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useFieldControl } from './use-field-control';

/** Props of {@link Input}. `name` and `id` come from the enclosing `<Field>`. */
export interface InputProps extends Omit<ComponentPropsWithoutRef<'input'>, 'name' | 'id'> {
  /**
   * Wire the user's own native control (or a component forwarding its ref to one) instead of an `<input>`,
   * e.g. `<Input asChild><select>…</select></Input>`; props, handlers and `className` are merged.
   */
  asChild?: boolean;
}

/**
 * The field's `<input>`, registered with react-hook-form (uncontrolled: typing re-renders nothing) and
 * wired to its label, description and error: `id`, `aria-invalid`, `aria-describedby`. It receives focus
 * when it is the first invalid field after a submit.
 *
 * @selector [data-invalid] - the field has an error
 * @selector [data-disabled] - the control is disabled
 */
export const Input = forwardRef<HTMLInputElement, InputProps>(function Input({ asChild, ...props }, ref) {
  const controlProps = useFieldControl('Input', props, ref);
  const Comp = asChild ? Slot : 'input';
  return <Comp {...controlProps} />;
});
