import * as z from 'zod';
import { passwordResetRequestSchema } from '../api/schemas';

/**
 * Ask for a password reset link: the API's `PasswordResetRequestDto` `email`, trimmed and checked as an
 * address. Its optional `site` is not a field the shopper fills in: the form's `site` option adds it.
 */
export const passwordResetRequestFormSchema = passwordResetRequestSchema.pick({ email: true }).extend({
  email: passwordResetRequestSchema.shape.email.trim().pipe(z.email()),
});

export type PasswordResetRequestFormInput = z.input<typeof passwordResetRequestFormSchema>;
export type PasswordResetRequestFormValues = z.output<typeof passwordResetRequestFormSchema>;
