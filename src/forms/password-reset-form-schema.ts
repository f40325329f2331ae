import * as z from 'zod/mini';
import { passwordAuthenticationSchema, passwordUpdateSchema } from '../api/schemas';
import { always, requireSame, schema } from './fields';
import { messageKey } from './message-key';

/**
 * Set a new password with a mailed reset token: the API's `PasswordUpdate` `password`, typed twice alike.
 * The new password follows the login model's rule (at least 6 characters, the stricter of the API's two).
 * The `token` is not a field: it comes from the link the shopper followed, and the form's `token` option adds it.
 */
export const passwordResetFormSchema = /* @__PURE__ */ schema(() =>
  z
    .object({
      /** The new password, at least 6 characters. */
      password: passwordAuthenticationSchema.shape.password,
      /** The new password typed again; it must match. */
      confirmPassword: passwordUpdateSchema.shape.password.check(z.minLength(1)),
    })
    .check(
      z.superRefine((values, ctx) => {
        requireSame(values, ctx, {
          field: 'password',
          confirm: 'confirmPassword',
          message: messageKey('passwordReset.passwordMismatch'),
        });
      }, always),
    ),
);

/** The password-reset form's values as its inputs hold them, e.g. for `defaultValues`. */
export type PasswordResetFormInput = z.input<typeof passwordResetFormSchema>;
/** The password-reset form's values after validation, as `onSubmit` receives them. */
export type PasswordResetFormValues = z.output<typeof passwordResetFormSchema>;
