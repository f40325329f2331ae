import * as z from 'zod/mini';
import { passwordAuthenticationSchema } from '../api/schemas';
import { emailField, schema } from './fields';

/**
 * Login: the API's `PasswordAuthentication` model (email required, password at least 6 characters),
 * with the email trimmed and refused before anything is sent only when it can never be an email address.
 */
export const loginFormSchema = /* @__PURE__ */ schema(() =>
  z.extend(passwordAuthenticationSchema, { email: emailField(passwordAuthenticationSchema.shape.email) }),
);

export type LoginFormInput = z.input<typeof loginFormSchema>;
export type LoginFormValues = z.output<typeof loginFormSchema>;
