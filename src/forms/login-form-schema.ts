import * as z from 'zod';
import { passwordAuthenticationSchema } from '../api/schemas';

/**
 * Login: the API's `PasswordAuthentication` model (email required, password at least 6 characters),
 * with the email trimmed and checked as an address before anything is sent.
 */
export const loginFormSchema = passwordAuthenticationSchema.extend({
  email: passwordAuthenticationSchema.shape.email.trim().pipe(z.email()),
});

export type LoginFormInput = z.input<typeof loginFormSchema>;
export type LoginFormValues = z.output<typeof loginFormSchema>;
