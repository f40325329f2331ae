import { Slot } from './slot';
import { forwardRef, useContext, useEffect, useRef } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import type { GlobalError } from 'react-hook-form';
import type { ServerErrorDetailsByField } from './apply-server-error';
import { composeRefs } from './compose-refs';
import { FormAlertFocusContext } from './form-alert-focus';
import { useFormMethods } from './form-context';
import { useMessages, type Translate } from './messages';
import { useFormSelector } from './use-form-selector';

/** A server detail about a field that is not on screen, as {@link FormError} lists it. */
export interface FormErrorDetail {
  /** The field's form name (`customerAddress.zipCode`), or `''` for a detail that names no field. */
  field: string;
  /** The field's name for the shopper: the message `fieldLabel.<field>`, else `fieldLabel.<last part>`, else its name in words. */
  label: string;
  /** The detail's message, translated through the messages layer. */
  message: string;
}

/** What {@link FormError}'s function children receive. */
export interface FormErrorRenderProps {
  /** The error message, translated through the messages layer. */
  message: string;
  /** The error type: the HTTP status for server errors (`'409'`), `'unknown'` without one. */
  type: string;
  /** The server's details about fields that are not on screen; `<FormError>` lists them after its content. */
  details: readonly FormErrorDetail[];
}

/** Props of {@link FormError}. */
export interface FormErrorProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Replaces the message; a function receives `{ message, type, details }`. */
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
  readonly details: ServerErrorDetailsByField | undefined;
}

function hasContent(error: GlobalError | undefined): error is GlobalError {
  return error !== undefined && (error.message !== undefined || error.type !== undefined);
}

function sameRootError(a: RootErrorSnapshot | undefined, b: RootErrorSnapshot | undefined): boolean {
  return (
    a === b ||
    (a !== undefined && b !== undefined && a.type === b.type && a.message === b.message && a.details === b.details)
  );
}

/**
 * A field's name for the shopper: the message `fieldLabel.<field>`, else `fieldLabel.<last part>`, else the
 * last part in words (`zipCode` → "Zip code", `extraLine1` → "Extra line 1").
 */
function fieldLabel(t: Translate, field: string): string {
  const last = field.split('.').filter((part) => !/^\d+$/.test(part)).pop() ?? field;
  for (const key of [`fieldLabel.${field}`, `fieldLabel.${last}`]) {
    if (t(key) !== key) return t(key);
  }
  const words = last.replace(/([a-z])([A-Z0-9])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function toDetails(t: Translate, byField: ServerErrorDetailsByField = {}): FormErrorDetail[] {
  return Object.entries(byField).flatMap(([field, messages]) =>
    ([] as string[]).concat(messages).map((message) => ({
      field,
      label: field && fieldLabel(t, field),
      message: t(message),
    })),
  );
}

/**
 * The form-level error — `root.server` (see `applyServerError`), else `root` — in a `role="alert"` region,
 * so it is announced when it appears. Renders nothing while there is none. When a submit ends on it and no
 * field with an error has the focus, it takes the focus (it is focusable by script only, `tabIndex={-1}`),
 * so keyboard and screen-reader users land on what went wrong. The server's details about fields that are
 * not on screen follow its content as a list, each as `form.fieldDetail` ("Zip code: …"); with `asChild` your
 * element is the whole alert and renders them from the function children's `details`.
 *
 * @selector [data-details] - the list of details about fields not on screen (a `<ul>`)
 */
export const FormError = forwardRef<HTMLDivElement, FormErrorProps>(function FormError(
  { asChild, children, ...props },
  ref,
) {
  const form = useFormMethods('FormError');
  const alertFocus = useContext(FormAlertFocusContext);
  const own = useRef<HTMLDivElement>(null);
  const error = useFormSelector(
    form,
    ROOT_ERROR_NAMES,
    ROOT_ERROR_STATE,
    (): RootErrorSnapshot | undefined => {
      const server = form.getFieldState('root.server').error as GlobalError | undefined;
      const root = form.getFieldState('root').error as GlobalError | undefined;
      const shown = hasContent(server) ? server : hasContent(root) ? root : undefined;
      return (
        shown && {
          type: shown.type === undefined ? undefined : String(shown.type),
          message: shown.message,
          details: (shown as { types?: ServerErrorDetailsByField }).types,
        }
      );
    },
    sameRootError,
  );
  const t = useMessages();

  useEffect(() => {
    if (error === undefined || !alertFocus?.armed) return;
    alertFocus.armed = false;
    // A field with an error that has the focus already tells the shopper what to fix.
    if (document.activeElement?.getAttribute('aria-invalid') !== 'true') own.current?.focus();
  }, [error, alertFocus]);

  if (error === undefined) return null;
  const details = toDetails(t, error.details);
  const renderProps: FormErrorRenderProps = {
    message: t(error.message || 'form.unknownError'),
    type: error.type ?? 'unknown',
    details,
  };
  const content =
    typeof children === 'function' ? children(renderProps) : (children ?? renderProps.message);

  const shared = { role: 'alert', tabIndex: -1, ref: composeRefs(ref, own), ...props };
  // With `asChild` the child element is the whole alert: it renders `details` itself, from the function children.
  if (asChild) return <Slot {...shared}>{content}</Slot>;
  return (
    <div {...shared}>
      {content}
      {details.length > 0 && (
        <ul data-details="">
          {details.map(({ field, label, message }, index) => (
            <li key={`${field}:${index}`}>{label ? t('form.fieldDetail', { field: label, message }) : message}</li>
          ))}
        </ul>
      )}
    </div>
  );
});
