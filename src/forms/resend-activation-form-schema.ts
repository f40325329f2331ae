import * as z from 'zod';
import { resendActivationSchema } from '../api/schemas';

/** Resend the activation mail: the API's `RefreshToken` body, whose `email` is trimmed and checked as an address. */
export const resendActivationFormSchema = resendActivationSchema.extend({
  email: resendActivationSchema.shape.email.trim().pipe(z.email()),
});

export type ResendActivationFormInput = z.input<typeof resendActivationFormSchema>;
export type ResendActivationFormValues = z.output<typeof resendActivationFormSchema>;
