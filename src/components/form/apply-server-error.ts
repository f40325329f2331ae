import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';

/** One problem the server reported, possibly about one field. `EmporixError['details'][number]` fits. */
export interface ServerErrorDetail {
  readonly field?: string;
  readonly type?: string;
  readonly message?: string;
}

/** What {@link applyServerError} reads from an error. The library's `EmporixError` fits. */
export interface ServerErrorLike {
  readonly message: string;
  readonly status?: number;
  readonly details?: ReadonlyArray<ServerErrorDetail>;
}

/** Options of {@link applyServerError}. */
export interface ApplyServerErrorOptions {
  /** Translates the API's field paths to form field names, e.g. `{ 'customerDetails.firstName': 'firstName' }`. */
  readonly fieldMap?: Readonly<Record<string, string>>;
  /** Focus the first field that received an error (default `true`). */
  readonly shouldFocus?: boolean;
}

/** The part of a form {@link applyServerError} needs: any `useForm()` result fits. */
export interface ServerErrorTarget<TFieldValues extends FieldValues> {
  readonly setError: UseFormSetError<TFieldValues>;
  readonly control: { readonly _names: { readonly mount: ReadonlySet<string> } };
}

/**
 * Shows an API error in a form. Each `details[].field` that names a registered field (directly, or through
 * `fieldMap`) becomes that field's error (`type: 'server'`), and the first such field is focused. Everything
 * else — an error without details, or details about fields the form does not have — becomes the form-level
 * error `root.server` (`type` is the HTTP status), which `<FormError>` shows. A field's server error clears
 * as soon as the user edits that field.
 *
 * @example
 * ```tsx
 * <Form
 *   form={form}
 *   onSubmit={async (values) => {
 *     try {
 *       await updateCustomer.mutateAsync(values);
 *     } catch (error) {
 *       applyServerError(form, error as EmporixError, {
 *         fieldMap: { 'customerDetails.firstName': 'firstName' },
 *       });
 *     }
 *   }}
 * >
 * ```
 */
export function applyServerError<TFieldValues extends FieldValues>(
  form: ServerErrorTarget<TFieldValues>,
  error: ServerErrorLike,
  options: ApplyServerErrorOptions = {},
): void {
  const { fieldMap = {}, shouldFocus = true } = options;
  // react-hook-form has no public "is this name registered" query; `_names.mount` is the set `register()` fills.
  const registered = form.control._names.mount;

  let fieldErrors = 0;
  let unmatchedDetails = 0;
  for (const detail of error.details ?? []) {
    const name = detail.field === undefined ? undefined : (fieldMap[detail.field] ?? detail.field);
    if (name === undefined || !registered.has(name)) {
      unmatchedDetails += 1;
      continue;
    }
    form.setError(
      name as FieldPath<TFieldValues>,
      { type: 'server', message: detail.message || 'field.invalid' },
      { shouldFocus: shouldFocus && fieldErrors === 0 },
    );
    fieldErrors += 1;
  }

  if (fieldErrors === 0 || unmatchedDetails > 0) {
    form.setError('root.server', {
      type: error.status === undefined ? 'unknown' : String(error.status),
      message: error.message || 'form.unknownError',
    });
  }
}

/** Whether a thrown value carries an HTTP status, i.e. came from the server rather than from a bug. */
export function isServerErrorLike(value: unknown): value is ServerErrorLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { message?: unknown }).message === 'string' &&
    typeof (value as { status?: unknown }).status === 'number'
  );
}
