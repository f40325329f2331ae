import * as z from 'zod/mini';
import { resendActivationSchema } from '../api/schemas';
import { emailField, schema } from './fields';

/** Resend the activation mail: the API's `RefreshToken` body, whose `email` is trimmed and checked as an address. */
export const resendActivationFormSchema = /* @__PURE__ */ schema(() =>
  z.extend(resendActivationSchema, { email: emailField(resendActivationSchema.shape.email) }),
);

export type ResendActivationFormInput = z.input<typeof resendActivationFormSchema>;
export type ResendActivationFormValues = z.output<typeof resendActivationFormSchema>;
