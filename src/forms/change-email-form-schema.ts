import * as z from 'zod/mini';
import { changeEmailRequestSchema } from '../api/schemas';
import { always, emailField, required, schema } from './fields';
import { messageKey } from './message-key';

function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Change the login email: the API's `ChangeEmailRequest` with every field required in the form — the current
 * login `email` and `password` prove who asks, `newEmail` must be an email address other than the current
 * one, and `syncContactEmail` (a checkbox, `false` in the form's initial values) copies it to the contact email.
 */
export const changeEmailFormSchema = /* @__PURE__ */ schema(() => {
  const model = changeEmailRequestSchema.shape;
  return z
    .object({
      /** The current login email; with the password it proves who asks. */
      email: emailField(model.email),
      /** The customer's current password. */
      password: required(model.password).check(z.minLength(1)),
      /** The new login email, other than the current one; the confirmation link is mailed there. */
      newEmail: emailField(model.newEmail),
      /** Whether the contact email changes to the new address too. */
      syncContactEmail: model.syncContactEmail.def.innerType,
    })
    .check(
      z.superRefine((values, ctx) => {
        if (typeof values.email !== 'string' || typeof values.newEmail !== 'string' || values.newEmail === '') return;
        if (sameEmail(values.email, values.newEmail)) {
          ctx.addIssue({ code: 'custom', path: ['newEmail'], message: messageKey('changeEmail.unchanged') });
        }
      }, always),
    );
});

/** The change-email form's values as its inputs hold them, e.g. for `defaultValues`. */
export type ChangeEmailFormInput = z.input<typeof changeEmailFormSchema>;
/** The change-email form's values after validation, as `onSubmit` receives them. */
export type ChangeEmailFormValues = z.output<typeof changeEmailFormSchema>;
