/**
 * The state behind {@link EmailRequestForm}: a form with one `email` field that sends it, and `sentTo`, set
 * once the request was accepted. The public hooks of the email-request forms each bring their mutation.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type DefaultValues } from 'react-hook-form';
import type * as z from 'zod/mini';
import { formIssueMessages } from './form/form-issue-messages';
import { toFormError } from './server-error';

/** What every email-request form holds, as typed and as validated. */
interface EmailFields {
  email: string;
}

export interface UseEmailRequestFormOptions<TInput> {
  /** Initial values; `email` is empty without. */
  defaultValues?: Partial<TInput>;
  /** Called once the request was accepted, with the email it was made for. */
  onSuccess?: (result: { email: string }) => void;
}

/**
 * Validates with `schema` and submits with `send`; a failure of `send` lands on the form as its error. The
 * API answers alike whether or not the email has an account, so `sentTo` never tells whether it exists.
 */
export function useEmailRequestForm<TInput extends EmailFields, TValues extends EmailFields>(
  schema: z.core.$ZodType<TValues, TInput>,
  send: (values: TValues) => Promise<unknown>,
  options: UseEmailRequestFormOptions<TInput>,
) {
  const [sentTo, setSentTo] = useState<string>();
  const form = useForm<TInput, unknown, TValues>({
    resolver: zodResolver(schema, { error: formIssueMessages }),
    defaultValues: { email: '', ...options.defaultValues } as DefaultValues<TInput>,
  });

  const onSubmit = async (values: TValues): Promise<void> => {
    try {
      await send(values);
    } catch (error) {
      throw toFormError(error);
    }
    setSentTo(values.email);
    options.onSuccess?.({ email: values.email });
  };

  return { form, onSubmit, sentTo };
}
