import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';

/** One problem the server reported, possibly about one field. `EmporixError['details'][number]` fits. */
export interface ServerErrorDetail {
  /**
   * The field the problem is about, as the API names it (e.g. `customerDetails.firstName`); none for the request as a
   * whole.
   */
  readonly field?: string;
  /** The API's classification of the problem, e.g. `missing_value`. */
  readonly type?: string;
  /** What to show: a message key of the library or the server's text. */
  readonly message?: string;
}

/** What {@link applyServerError} reads from an error. The library's `EmporixError` fits. */
export interface ServerErrorLike {
  /** The form-level message: a message key (e.g. `form.networkError`) or the server's text. */
  readonly message: string;
  /** The HTTP status, `0` when no response arrived. */
  readonly status?: number;
  /** The problems per field, shown on the fields they name. */
  readonly details?: ReadonlyArray<ServerErrorDetail>;
}

/** Options of {@link applyServerError}. */
export interface ApplyServerErrorOptions {
  /** Translates the API's field paths to form field names, e.g. `{ 'customerDetails.firstName': 'firstName' }`. */
  readonly fieldMap?: Readonly<Record<string, string>>;
  /** Focus the first field on screen that received an error (default `true`). */
  readonly shouldFocus?: boolean;
}

/** The part of a form {@link applyServerError} needs: any `useForm()` result fits. */
export interface ServerErrorTarget<TFieldValues extends FieldValues> {
  /** The form's `setError`. */
  readonly setError: UseFormSetError<TFieldValues>;
  /** The form's `control`, read to find which fields are registered and on screen. */
  readonly control: {
    readonly _names: { readonly mount: ReadonlySet<string> };
    /** react-hook-form's registered fields, by path; tells a field on screen from one that is not. */
    readonly _fields?: unknown;
  };
}

/**
 * The details of a form-level server error that name no field on screen, as `root.server` keeps them in
 * its `types`: the field's form name (`''` for a detail without a field), then its message or messages.
 */
export type ServerErrorDetailsByField = Readonly<Record<string, string | readonly string[]>>;

const own = (record: object, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);

/** An API path as react-hook-form names the field: `addresses[0].zipCode` → `addresses.0.zipCode`. */
function toFieldName(path: string): string {
  return path.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
}

function formNameOf(field: string, fieldMap: Readonly<Record<string, string>>): string {
  if (own(fieldMap, field)) return fieldMap[field] as string;
  const name = toFieldName(field);
  return own(fieldMap, name) ? (fieldMap[name] as string) : name;
}

/**
 * Whether the field's control is mounted: react-hook-form marks a registered field `mount: false` when its
 * control leaves the page (and keeps its value). Reads own keys only, along the dotted path.
 */
function isOnScreen(control: ServerErrorTarget<FieldValues>['control'], name: string): boolean {
  let node = control._fields as Record<string, unknown> | undefined;
  for (const key of name.split('.')) node = node && own(node, key) ? (node[key] as Record<string, unknown>) : undefined;
  return (node?._f as { mount?: boolean } | undefined)?.mount !== false;
}

/**
 * Shows an API error in a form; no detail is dropped. Each `details[].field` is turned into the form's field
 * name — through `fieldMap`, with the API's array paths in react-hook-form's dotted form
 * (`addresses[0].zipCode` → `addresses.0.zipCode`) — and becomes that field's error (`type: 'server'`) if
 * the form registered it; the first such field on screen is focused. The form-level error `root.server`
 * (`type` is the HTTP status), which `<FormError>` shows, carries the error's message whenever some detail
 * is not on a field on screen — a field the form does not have, or one registered but not shown (an earlier
 * step of a wizard): those details are listed with it, each naming its field, so the shopper can tell what
 * to fix. A detail on a registered field that is not shown also stays on that field, for when it is shown
 * again. A field's server error clears as soon as the user edits that field.
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
  const { control } = form;

  let shown = 0;
  const notShown: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const detail of error.details ?? []) {
    const message = detail.message || 'field.invalid';
    const name = detail.field === undefined || detail.field === '' ? '' : formNameOf(detail.field, fieldMap);
    if (name !== '' && control._names.mount.has(name)) {
      const onScreen = isOnScreen(control, name);
      form.setError(
        name as FieldPath<TFieldValues>,
        { type: 'server', message },
        { shouldFocus: shouldFocus && onScreen && shown === 0 },
      );
      if (onScreen) {
        shown += 1;
        continue;
      }
    }
    if (name === '' && message === error.message) continue;
    (notShown[name] ??= []).push(message);
  }

  const listed = Object.keys(notShown).length > 0;
  if (shown === 0 || listed) {
    form.setError('root.server', {
      type: error.status === undefined ? 'unknown' : String(error.status),
      message: error.message || 'form.unknownError',
      ...(listed ? { types: notShown } : {}),
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
