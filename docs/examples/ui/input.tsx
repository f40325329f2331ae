import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { cn } from './cn';

/** A shadcn/ui-style input: it styles `aria-invalid`, which the library's `<Input>` sets. */
export const Input = forwardRef<HTMLInputElement, ComponentPropsWithoutRef<'input'>>(function Input(
  { className, ...props },
  ref,
) {
  return (
    <input
      ref={ref}
      className={cn(
        'box-border flex h-9 w-full rounded-md border border-zinc-300 bg-white px-3 py-1 text-sm shadow-sm',
        'placeholder:text-zinc-600 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-zinc-900',
        'aria-invalid:border-red-600 aria-invalid:ring-2 aria-invalid:ring-red-600/20',
        className,
      )}
      {...props}
    />
  );
});
