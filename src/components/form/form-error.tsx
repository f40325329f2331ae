import { Slot } from './slot';
import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import type { GlobalError } from 'react-hook-form';
import { useFormMethods } from './form-context';
import { useMessages } from './messages';
import { useFormSelector } from './use-form-selector';

/** What {@link FormError}'s function children receive. */
export interface FormErrorRenderProps {
  /** The error message, translated through the messages layer. */
  message: string;
  /** The error type: the HTTP status for server errors (`'409'`), `'unknown'` without one. */
  type: string;
}

/** Props of {@link FormError}. */
export interface FormErrorProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Replaces the message; a function receives `{ message, type }`. */
  children?: ReactNode | ((error: FormErrorRenderProps) => ReactNode);
  /** Render the user's own element instead of a `<div>`, merging props, handlers and `className`. */
  asChild?: boolean;
}

// Both paths, matched exactly: `setError('root.server')` and `setError('root')` are announced under these names.
const ROOT_ERROR_NAMES = ['root', 'root.server'] as const;
const ROOT_ERROR_STATE = { errors: true } as const;

interface RootErrorSnapshot {
  readonly type: string | undefined;
  readonly message: string | undefined;
}

function hasContent(error: GlobalError | undefined): error is GlobalError {
  return error !== undefined && (error.message !== undefined || error.type !== undefined);
}

function sameRootError(a: RootErrorSnapshot | undefined, b: RootErrorSnapshot | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.type === b.type && a.message === b.message);
}

/**
 * The form-level error — `root.server` (see `applyServerError`), else `root` — in a `role="alert"` region,
 * so it is announced when it appears. Renders nothing while there is none.
 */
export const FormError = forwardRef<HTMLDivElement, FormErrorProps>(function FormError(
  { asChild, children, ...props },
  ref,
) {
  const form = useFormMethods('FormError');
  const error = useFormSelector(
    form,
    ROOT_ERROR_NAMES,
    ROOT_ERROR_STATE,
    (): RootErrorSnapshot | undefined => {
      const server = form.getFieldState('root.server').error as GlobalError | undefined;
      const root = form.getFieldState('root').error as GlobalError | undefined;
      const shown = hasContent(server) ? server : hasContent(root) ? root : undefined;
      return shown && { type: shown.type === undefined ? undefined : String(shown.type), message: shown.message };
    },
    sameRootError,
  );
  const t = useMessages();

  if (error === undefined) return null;
  const renderProps: FormErrorRenderProps = {
    message: t(error.message || 'form.unknownError'),
    type: error.type ?? 'unknown',
  };
  const content =
    typeof children === 'function' ? children(renderProps) : (children ?? renderProps.message);

  const Comp = asChild ? Slot : 'div';
  return (
    <Comp role="alert" ref={ref} {...props}>
      {content}
    </Comp>
  );
});
