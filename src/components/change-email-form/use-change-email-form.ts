import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Customer } from '../../api/schemas';
import {
  changeEmailFormSchema,
  type ChangeEmailFormInput,
  type ChangeEmailFormValues,
} from '../../forms/change-email-form-schema';
import { useCustomer } from '../../hooks/use-customer';
import { useRequestEmailChange } from '../../hooks/use-request-email-change';
import type { ServerErrorDetail } from '../form/apply-server-error';
import { formIssueMessages } from '../form/form-issue-messages';
import { useResetAfterSubmit } from '../form/use-reset-after-submit';
import { toFormError } from '../server-error';

/** Options of `useChangeEmailForm` (and the matching props of `<ChangeEmailForm>`). */
export interface UseChangeEmailFormOptions {
  /** Initial values, e.g. `{ syncContactEmail: true }`; the current login email comes from the profile unless given. */
  defaultValues?: Partial<ChangeEmailFormInput>;
  /** Called once the confirmation mail is on its way to `newEmail`. */
  onSuccess?: (request: { email: string; newEmail: string; syncContactEmail: boolean }) => void;
}

/** The login email of a profile: its password account's id, else the contact email. */
export function loginEmailOf(customer: Customer | undefined): string | undefined {
  const account = customer?.accounts?.find((candidate) => !candidate.providerId && candidate.id?.includes('@'));
  return account?.id ?? (customer?.contactEmail || undefined);
}

/** The API's reasons, as this form's message keys, by field. */
function detailMessage(detail: ServerErrorDetail): string | undefined {
  switch (detail.field) {
    case 'password':
      return 'changeEmail.passwordWrong';
    case 'email':
      return 'changeEmail.emailNotCurrent';
    case 'newEmail':
      return detail.type === 'duplicate_value' ? 'changeEmail.newEmailTaken' : detail.message;
    default:
      return detail.message;
  }
}

/**
 * The change-email form's state and submit handler, for markup of your own. The current login email is
 * filled in from the profile once it is loaded (unless the shopper typed one), and `currentEmailKnown` says
 * it is there (the default rendering then shows it read-only); the request mails a
 * confirmation link to the new address (`sentTo` then holds it) and the login email changes only when that
 * link is followed (see `<ConfirmEmailChange>`). A wrong password shows on the password field; every typed
 * value stays after a failure, and after success only the current email stays.
 *
 * @example
 * ```tsx
 * const { form, onSubmit, sentTo } = useChangeEmailForm();
 * <Form form={form} onSubmit={onSubmit}>…{sentTo && <p role="status">Check {sentTo}</p>}</Form>
 * ```
 */
export function useChangeEmailForm(options: UseChangeEmailFormOptions = {}) {
  const request = useRequestEmailChange();
  const { data: customer } = useCustomer();
  const loginEmail = loginEmailOf(customer);
  const [sentTo, setSentTo] = useState<string | undefined>(undefined);
  const givenEmail = options.defaultValues?.email;
  const form = useForm<ChangeEmailFormInput, unknown, ChangeEmailFormValues>({
    resolver: zodResolver(changeEmailFormSchema, { error: formIssueMessages }),
    defaultValues: {
      password: '',
      newEmail: '',
      syncContactEmail: false,
      ...options.defaultValues,
      email: givenEmail ?? loginEmail ?? '',
    },
  });
  const resetAfterSubmit = useResetAfterSubmit(form);

  // The profile may arrive after the form is shown, or change with the customer: the login email follows it
  // as long as neither the caller (`defaultValues.email`) nor the shopper gave another one.
  const filledIn = useRef<string | null>(givenEmail === undefined ? (loginEmail ?? '') : null);
  useEffect(() => {
    if (loginEmail === undefined || filledIn.current === null || form.getValues('email') !== filledIn.current) return;
    filledIn.current = loginEmail;
    form.resetField('email', { defaultValue: loginEmail });
  }, [form, loginEmail]);

  const onSubmit = async (values: ChangeEmailFormValues): Promise<void> => {
    try {
      await request.mutateAsync(values);
    } catch (error) {
      const formError = toFormError(error);
      throw {
        ...formError,
        details: formError.details?.map((detail) => ({ ...detail, message: detailMessage(detail) })),
      };
    }
    setSentTo(values.newEmail);
    resetAfterSubmit({ email: values.email, password: '', newEmail: '', syncContactEmail: false });
    const { email, newEmail, syncContactEmail } = values;
    options.onSuccess?.({ email, newEmail, syncContactEmail });
  };

  /** The current login email is known (given, or read from the profile): the shopper need not, and cannot, type it. */
  const currentEmailKnown = givenEmail !== undefined ? givenEmail !== '' : loginEmail !== undefined;
  return { form, onSubmit, sentTo, currentEmailKnown, request };
}
