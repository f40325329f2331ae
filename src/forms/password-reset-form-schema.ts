import type * as z from 'zod';
import { passwordAuthenticationSchema, passwordUpdateSchema } from '../api/schemas';
import { messageKey } from '../components/form/messages';
import { always, requireSame } from './fields';

/**
 * Set a new password with a mailed reset token: the API's `PasswordUpdate` `password`, typed twice alike.
 * The new password follows the login model's rule (at least 6 characters, the stricter of the API's two).
 * The `token` is not a field: it comes from the link the shopper followed, and the form's `token` option adds it.
 */
export const passwordResetFormSchema = passwordUpdateSchema
  .pick({ password: true })
  .extend({
    password: passwordAuthenticationSchema.shape.password,
    confirmPassword: passwordUpdateSchema.shape.password.min(1),
  })
  .superRefine((values, ctx) => {
    requireSame(values, ctx, {
      field: 'password',
      confirm: 'confirmPassword',
      message: messageKey('passwordReset.passwordMismatch'),
    });
  }, always);

export type PasswordResetFormInput = z.input<typeof passwordResetFormSchema>;
export type PasswordResetFormValues = z.output<typeof passwordResetFormSchema>;
