import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { cn } from './cn';

/** A shadcn/ui-style button (components/ui/button.tsx in a shadcn project). */
export const Button = forwardRef<HTMLButtonElement, ComponentPropsWithoutRef<'button'>>(function Button(
  { className, ...props },
  ref,
) {
  return (
    <button
      ref={ref}
      className={cn(
        'inline-flex h-9 items-center justify-center rounded-md bg-zinc-900 px-4 text-sm font-medium text-white shadow-sm',
        'hover:bg-zinc-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-zinc-900',
        'disabled:opacity-50 aria-disabled:opacity-50',
        className,
      )}
      {...props}
    />
  );
});
