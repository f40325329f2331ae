import * as z from 'zod/mini';
import { passwordResetRequestSchema } from '../api/schemas';
import { emailField, schema } from './fields';

/**
 * Ask for a password reset link: the API's `PasswordResetRequestDto` `email`, trimmed and checked as an
 * address. Its optional `site` is not a field the shopper fills in: the form's `site` option adds it.
 */
export const passwordResetRequestFormSchema = /* @__PURE__ */ schema(() =>
  z.object({
    /** The account's email; the reset link is mailed there. Trimmed and checked as an address. */
    email: emailField(passwordResetRequestSchema.shape.email),
  }),
);

/** The password-reset request form's values as its inputs hold them, e.g. for `defaultValues`. */
export type PasswordResetRequestFormInput = z.input<typeof passwordResetRequestFormSchema>;
/** The password-reset request form's values after validation, as `onSubmit` receives them. */
export type PasswordResetRequestFormValues = z.output<typeof passwordResetRequestFormSchema>;
