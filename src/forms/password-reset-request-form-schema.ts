import * as z from 'zod/mini';
import { passwordResetRequestSchema } from '../api/schemas';
import { emailField, schema } from './fields';

/**
 * Ask for a password reset link: the API's `PasswordResetRequestDto` `email`, trimmed and checked as an
 * address. Its optional `site` is not a field the shopper fills in: the form's `site` option adds it.
 */
export const passwordResetRequestFormSchema = /* @__PURE__ */ schema(() =>
  z.object({ email: emailField(passwordResetRequestSchema.shape.email) }),
);

export type PasswordResetRequestFormInput = z.input<typeof passwordResetRequestFormSchema>;
export type PasswordResetRequestFormValues = z.output<typeof passwordResetRequestFormSchema>;
