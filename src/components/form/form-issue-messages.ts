import type * as z from 'zod/mini';
import { messageKey } from './messages';

function isEmpty(input: unknown): boolean {
  return input === undefined || input === null || input === '' || input === false || Number.isNaN(input);
}

/**
 * A zod 4 error map that turns issues into message keys of {@link defaultMessages} (with params), so
 * `<FieldError>` shows them translated. Pass it per schema or per resolver — never globally:
 * messages a schema sets itself (e.g. in `.refine(…, { message })`) still win.
 *
 * - missing or empty value → `field.required`
 * - string too short / too long → `field.tooShort` / `field.tooLong` with `{ minimum }` / `{ maximum }`,
 *   or `field.length` with `{ length }` for an exact length
 * - invalid email → `field.email`
 * - anything else (other formats, `custom`, …) → `field.invalid`
 *
 * @example
 * ```ts
 * useForm({ resolver: zodResolver(loginFormSchema, { error: formIssueMessages }) });
 * z.object({ email: z.email() }, { error: formIssueMessages }); // issues of the object itself
 * ```
 */
export const formIssueMessages: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return isEmpty(issue.input) ? 'field.required' : 'field.invalid';
    case 'invalid_value':
      return isEmpty(issue.input) ? 'field.required' : 'field.invalid';
    case 'invalid_format':
      if (issue.input === '') return 'field.required';
      return issue.format === 'email' ? 'field.email' : 'field.invalid';
    case 'too_small':
      if (issue.origin !== 'string') return isEmpty(issue.input) ? 'field.required' : 'field.invalid';
      if (issue.input === '' || (Number(issue.minimum) <= 1 && !issue.exact)) return 'field.required';
      if (issue.exact) return messageKey('field.length', { length: Number(issue.minimum) });
      return messageKey('field.tooShort', { minimum: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin !== 'string') return 'field.invalid';
      if (issue.exact) return messageKey('field.length', { length: Number(issue.maximum) });
      return messageKey('field.tooLong', { maximum: Number(issue.maximum) });
    default:
      return 'field.invalid';
  }
};
