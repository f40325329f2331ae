import { Slot } from './slot';
import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useFieldControl } from './use-field-control';

/** Props of {@link Textarea}. `name` and `id` come from the enclosing `<Field>`. */
export interface TextareaProps extends Omit<ComponentPropsWithoutRef<'textarea'>, 'name' | 'id'> {
  /** Render the user's own element instead of a `<textarea>`, merging props, handlers and `className`. */
  asChild?: boolean;
}

/**
 * The field's `<textarea>`, wired like {@link Input}.
 *
 * @selector [data-invalid] - the field has an error
 * @selector [data-disabled] - the control is disabled
 */
export const Textarea = forwardRef<HTMLTextAreaElement, TextareaProps>(function Textarea({ asChild, ...props }, ref) {
  const controlProps = useFieldControl('Textarea', props, ref);
  const Comp = asChild ? Slot : 'textarea';
  return <Comp {...controlProps} />;
});
