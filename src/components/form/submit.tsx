import { Slot } from './slot';
import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { useFormState } from 'react-hook-form';
import { useFormMethods } from './form-context';

/** What {@link Submit}'s function children receive. */
export interface SubmitRenderProps {
  /** The form is submitting (validating or waiting for `onSubmit`). */
  pending: boolean;
}

/** Props of {@link Submit}. */
export interface SubmitProps extends Omit<ComponentPropsWithoutRef<'button'>, 'type' | 'children'> {
  /** The button's content; a function receives `{ pending }`. */
  children?: ReactNode | ((state: SubmitRenderProps) => ReactNode);
  /** Render the user's own element instead of a `<button>`, merging props, handlers and `className`. */
  asChild?: boolean;
}

/**
 * The form's submit button. While the form is submitting it is disabled (no double submit) and marked
 * `aria-disabled` and `data-pending`. It re-renders only when the submitting state changes.
 *
 * @selector [data-pending] - the form is submitting
 */
export const Submit = forwardRef<HTMLButtonElement, SubmitProps>(function Submit(
  { asChild, children, disabled, ...props },
  ref,
) {
  useFormMethods('Submit');
  const { isSubmitting: pending } = useFormState();
  const content = typeof children === 'function' ? children({ pending }) : children;

  const Comp = asChild ? Slot : 'button';
  return (
    <Comp
      type="submit"
      ref={ref}
      {...props}
      disabled={pending || disabled}
      aria-disabled={pending || disabled || undefined}
      data-pending={pending ? '' : undefined}
    >
      {content}
    </Comp>
  );
});
