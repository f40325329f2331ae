/**
 * Messages as the form schemas report them: a key, not text. react-hook-form keeps an error's message as a
 * string, so a key with params is stored as one string; the components translate it when they show it
 * (`useMessages`, `defaultMessages`). Nothing of a UI is needed to write or read one.
 */

/** The keys of the messages every form shares; their English texts are `defaultMessages`. */
export type MessageKey =
  | 'field.required'
  | 'field.invalid'
  | 'field.email'
  | 'field.tooShort'
  | 'field.tooLong'
  | 'field.length'
  | 'form.networkError'
  | 'form.unknownError'
  | 'form.refused'
  | 'form.checkEntries'
  | 'form.shopUnavailable'
  | 'form.forbidden'
  | 'form.changedElsewhere'
  | 'form.sessionExpired'
  | 'form.fieldDetail'
  | 'choices.locale'
  | 'choices.none'
  | 'login.invalidCredentials';

/** Values for the `{name}` placeholders of a message. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Between the key and the params of a stored {@link messageKey} reference. */
export const PARAMS_SEPARATOR = '?';

/**
 * A message reference that can be stored as a plain string (react-hook-form keeps error messages as strings)
 * and translated later by `useMessages`: the key, then its params as a query string.
 *
 * @example
 * ```ts
 * messageKey('field.tooShort', { minimum: 8 }); // 'field.tooShort?minimum=8'
 * z.string().refine(isStrong, { message: messageKey('password.weak') });
 * ```
 */
export function messageKey(key: MessageKey | (string & {}), params?: MessageParams): string {
  if (!params || Object.keys(params).length === 0) return key;
  const query = new URLSearchParams(Object.entries(params).map(([name, value]) => [name, String(value)]));
  return `${key}${PARAMS_SEPARATOR}${query.toString()}`;
}
