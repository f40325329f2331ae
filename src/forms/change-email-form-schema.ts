import * as z from 'zod';
import { changeEmailRequestSchema } from '../api/schemas';
import { messageKey } from '../components/form/messages';
import { always } from './fields';

const model = changeEmailRequestSchema.shape;

function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Change the login email: the API's `ChangeEmailRequest` with every field required in the form — the current
 * login `email` and `password` prove who asks, `newEmail` must be an email address other than the current
 * one, and `syncContactEmail` (a checkbox, `false` in the form's initial values) copies it to the contact email.
 */
export const changeEmailFormSchema = changeEmailRequestSchema
  .extend({
    email: model.email.unwrap().trim().pipe(z.email()),
    password: model.password.unwrap().min(1),
    newEmail: model.newEmail.unwrap().trim().pipe(z.email()),
    syncContactEmail: model.syncContactEmail.unwrap(),
  })
  .superRefine((values, ctx) => {
    if (typeof values.email !== 'string' || typeof values.newEmail !== 'string' || values.newEmail === '') return;
    if (sameEmail(values.email, values.newEmail)) {
      ctx.addIssue({ code: 'custom', path: ['newEmail'], message: messageKey('changeEmail.unchanged') });
    }
  }, always);

export type ChangeEmailFormInput = z.input<typeof changeEmailFormSchema>;
export type ChangeEmailFormValues = z.output<typeof changeEmailFormSchema>;
