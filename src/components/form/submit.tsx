import { Slot } from './slot';
import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef, MouseEvent, ReactNode } from 'react';
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
 * The form's submit button. While the form is submitting it is `aria-disabled` and `data-pending` and
 * ignores clicks (and the Enter key that submits a form through it), but it stays focusable: the shopper
 * who pressed it keeps their place, and a screen reader can still read it. It is natively `disabled` only
 * when you pass `disabled`. It re-renders only when the submitting state changes.
 *
 * With `asChild`, `type="submit"` and the pending `aria-disabled` are the part's: a child's `type="button"`
 * or `aria-disabled={false}` cannot turn them off.
 *
 * @selector [data-pending] - the form is submitting
 * @selector [aria-disabled="true"] - the button does nothing now (submitting, or `disabled`)
 */
export const Submit = forwardRef<HTMLButtonElement, SubmitProps>(function Submit(
  { asChild, children, disabled, onClick, ...props },
  ref,
) {
  useFormMethods('Submit');
  const { isSubmitting: pending } = useFormState();
  const content = typeof children === 'function' ? children({ pending }) : children;

  const handleClick = (event: MouseEvent<HTMLButtonElement>): void => {
    if (pending) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };

  const Comp = asChild ? Slot : 'button';
  return (
    <Comp
      ref={ref}
      {...props}
      type="submit"
      onClick={handleClick}
      disabled={disabled}
      aria-disabled={pending || disabled ? true : undefined}
      data-pending={pending ? '' : undefined}
    >
      {content}
    </Comp>
  );
});
