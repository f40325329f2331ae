import * as z from 'zod/mini';
import { resendActivationSchema } from '../api/schemas';
import { emailField, schema } from './fields';

/** Resend the activation mail: the API's `RefreshToken` body, whose `email` is trimmed and checked as an address. */
export const resendActivationFormSchema = /* @__PURE__ */ schema(() =>
  z.extend(resendActivationSchema, {
    /** The email the account was created with; the activation mail goes there. */
    email: emailField(resendActivationSchema.shape.email),
  }),
);

/** The resend-activation form's values as its inputs hold them, e.g. for `defaultValues`. */
export type ResendActivationFormInput = z.input<typeof resendActivationFormSchema>;
/** The resend-activation form's values after validation, as `onSubmit` receives them. */
export type ResendActivationFormValues = z.output<typeof resendActivationFormSchema>;
