import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { cn } from './cn';

/** A shadcn/ui-style label. */
export const Label = forwardRef<HTMLLabelElement, ComponentPropsWithoutRef<'label'>>(function Label(
  { className, ...props },
  ref,
) {
  return <label ref={ref} className={cn('text-sm leading-none font-medium', className)} {...props} />;
});
