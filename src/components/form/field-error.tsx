import { Slot } from './slot';
import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { useFieldContext, useFieldState } from './field-context';
import { useMessages } from './messages';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';

/** What {@link FieldError}'s function children receive. */
export interface FieldErrorRenderProps {
  /** The error message, translated through the messages layer. */
  message: string;
  /** The error type: a zod issue code, a react-hook-form rule (`required`, …), or `server`. */
  type: string;
}

/** Props of {@link FieldError}. `id` comes from the enclosing `<Field>`. */
export interface FieldErrorProps extends Omit<ComponentPropsWithoutRef<'p'>, 'id' | 'children'> {
  /** Replaces the message; a function receives `{ message, type }`. */
  children?: ReactNode | ((error: FieldErrorRenderProps) => ReactNode);
  /** Render the user's own element instead of a `<p>`, merging props, handlers and `className`. */
  asChild?: boolean;
}

/**
 * The field's error message. Renders nothing unless the field is invalid; then the control's
 * `aria-describedby` points at it. Messages stored as keys (see `formIssueMessages`) are translated.
 */
export const FieldError = forwardRef<HTMLParagraphElement, FieldErrorProps>(function FieldError(
  { asChild, children, ...props },
  ref,
) {
  const { errorId, registerPart } = useFieldContext('FieldError');
  const { error } = useFieldState('FieldError');
  const t = useMessages();
  useIsomorphicLayoutEffect(() => registerPart('error'), [registerPart]);

  if (error === undefined) return null;
  const fallback = error.type === 'required' ? 'field.required' : 'field.invalid';
  const renderProps: FieldErrorRenderProps = { message: t(error.message || fallback), type: error.type };
  const content =
    typeof children === 'function' ? children(renderProps) : (children ?? renderProps.message);

  const Comp = asChild ? Slot : 'p';
  return (
    <Comp ref={ref} {...props} id={errorId}>
      {content}
    </Comp>
  );
});
