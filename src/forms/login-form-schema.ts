import * as z from 'zod/mini';
import { passwordAuthenticationSchema } from '../api/schemas';
import { emailField, schema } from './fields';

/**
 * Login: the API's `PasswordAuthentication` model (email required, password at least 6 characters),
 * with the email trimmed and refused before anything is sent only when it can never be an email address.
 */
export const loginFormSchema = /* @__PURE__ */ schema(() =>
  z.extend(passwordAuthenticationSchema, {
    /** The login email, trimmed; refused before sending only when it can never be an email address. */
    email: emailField(passwordAuthenticationSchema.shape.email),
  }),
);

/** The login form's values as its inputs hold them, e.g. for `defaultValues`. */
export type LoginFormInput = z.input<typeof loginFormSchema>;
/** The login form's values after validation, as `onSubmit` receives them. */
export type LoginFormValues = z.output<typeof loginFormSchema>;
