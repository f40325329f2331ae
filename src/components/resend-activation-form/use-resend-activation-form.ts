import {
  resendActivationFormSchema,
  type ResendActivationFormInput,
  type ResendActivationFormValues,
} from '../../forms/resend-activation-form-schema';
import { useResendActivation } from '../../hooks/use-resend-activation';
import { useEmailRequestForm } from '../use-email-request-form';

/** Options of `useResendActivationForm` (and the matching props of `<ResendActivationForm>`). */
export interface UseResendActivationFormOptions {
  /** Initial values, e.g. the email the shopper signed up with. */
  defaultValues?: Partial<ResendActivationFormInput>;
  /** Called once the request was accepted, with the email it was sent for. */
  onSuccess?: (result: { email: string }) => void;
}

/**
 * The resend-activation form's state and submit handler, for markup of your own. The API accepts the
 * request (202) whether or not the email has an account waiting for activation, so `sentTo` — set once it
 * was accepted — never tells whether the account exists.
 *
 * @example
 * ```tsx
 * const { form, onSubmit, sentTo } = useResendActivationForm();
 * if (sentTo) return <p role="status">If {sentTo} waits for activation, a new link is on its way.</p>;
 * return <Form form={form} onSubmit={onSubmit}>…</Form>;
 * ```
 */
export function useResendActivationForm(options: UseResendActivationFormOptions = {}) {
  const resend = useResendActivation();
  const { form, onSubmit, sentTo } = useEmailRequestForm<ResendActivationFormInput, ResendActivationFormValues>(
    resendActivationFormSchema,
    (values) => resend.mutateAsync(values),
    options,
  );

  return { form, onSubmit, sentTo, resend };
}
