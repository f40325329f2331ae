import { Slot } from './slot';
import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useFieldContext } from './field-context';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';

/** Props of {@link Description}. `id` comes from the enclosing `<Field>`. */
export interface DescriptionProps extends Omit<ComponentPropsWithoutRef<'p'>, 'id'> {
  /** Render the user's own element instead of a `<p>`, merging props, handlers and `className`. */
  asChild?: boolean;
}

/**
 * Help text for the field (e.g. password rules). While mounted, the control's `aria-describedby` includes it.
 */
export const Description = forwardRef<HTMLParagraphElement, DescriptionProps>(function Description(
  { asChild, ...props },
  ref,
) {
  const { descriptionId, registerPart } = useFieldContext('Description');
  useIsomorphicLayoutEffect(() => registerPart('description'), [registerPart]);
  const Comp = asChild ? Slot : 'p';
  return <Comp ref={ref} {...props} id={descriptionId} />;
});
