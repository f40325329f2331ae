import * as z from 'zod/mini';
import { passwordAuthenticationSchema, passwordChangeSchema } from '../api/schemas';
import { always, requireSame, schema } from './fields';
import { messageKey } from './message-key';

/**
 * Change password: the API's `PasswordChange` (`currentPassword`, `newPassword`) plus a confirmation field.
 * The current password is required; the new one follows the login model's password rule (at least 6
 * characters, the stricter of the API's two), must differ from the current one and be typed twice alike.
 */
export const changePasswordFormSchema = /* @__PURE__ */ schema(() =>
  z
    .object({
      /** The password in use now. */
      currentPassword: passwordChangeSchema.shape.currentPassword.check(z.minLength(1)),
      /** The new password: at least 6 characters, and not the current one. */
      newPassword: passwordAuthenticationSchema.shape.password,
      /** The new password typed again; it must match. */
      confirmNewPassword: passwordChangeSchema.shape.newPassword.check(z.minLength(1)),
    })
    .check(
      z.superRefine((values, ctx) => {
        if (values.newPassword && values.newPassword === values.currentPassword) {
          ctx.addIssue({ code: 'custom', path: ['newPassword'], message: messageKey('changePassword.unchanged') });
        }
        requireSame(values, ctx, {
          field: 'newPassword',
          confirm: 'confirmNewPassword',
          message: messageKey('changePassword.mismatch'),
        });
      }, always),
    ),
);

/** The change-password form's values as its inputs hold them, e.g. for `defaultValues`. */
export type ChangePasswordFormInput = z.input<typeof changePasswordFormSchema>;
/** The change-password form's values after validation, as `onSubmit` receives them. */
export type ChangePasswordFormValues = z.output<typeof changePasswordFormSchema>;
