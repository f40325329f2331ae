import { forwardRef } from 'react';
import type { ChangeEmailFormInput, ChangeEmailFormValues } from '../../forms/change-email-form-schema';
import { AccountForm, type AccountFormComponentProps } from '../account-form';
import { FormError } from '../form/form-error';
import { useMessages } from '../form/messages';
import { Submit } from '../form/submit';
import { FormSuccess } from '../form/form-success';
import { CheckboxField, TextField } from '../text-field';
import { changeEmailMessages } from './messages';
import { useChangeEmailForm, type UseChangeEmailFormOptions } from './use-change-email-form';

/**
 * Props of `ChangeEmailForm`: the options of `useChangeEmailForm`, the form's own props, and the rest for its
 * `<form>`.
 */
export interface ChangeEmailFormProps
  extends UseChangeEmailFormOptions,
    AccountFormComponentProps<ChangeEmailFormInput, ChangeEmailFormValues> {}

/**
 * Changes the logged-in customer's login email: the current email (filled in from the profile, read-only
 * then; a field to fill in only when the profile cannot tell it) and password
 * prove who asks, and a confirmation link goes to the new address — the change happens only when it is
 * followed (`<ConfirmEmailChange>`). Without children it renders a complete, unstyled, accessible form that
 * tells the shopper where the link went; with children you compose it from the parts, named `email`,
 * `password`, `newEmail` and `syncContactEmail` (a checkbox).
 *
 * @selector [data-pending] - the request is being sent
 *
 * @example
 * ```tsx
 * <ChangeEmailForm />
 *
 * <ChangeEmailForm>
 *   <FormError />
 *   <Field name="email"><Label>Current email</Label><Input type="email" autoComplete="username" readOnly /><FieldError /></Field>
 *   <Field name="password"><Label>Password</Label><Input type="password" autoComplete="current-password" /><FieldError /></Field>
 *   <Field name="newEmail"><Label>New email</Label><Input type="email" autoComplete="email" /><FieldError /></Field>
 *   <Field name="syncContactEmail"><Checkbox /><Label>Use it for contact too</Label></Field>
 *   <FormSuccess>Check your new inbox.</FormSuccess>
 *   <Submit>Change</Submit>
 * </ChangeEmailForm>
 * ```
 */
export const ChangeEmailForm = forwardRef<HTMLFormElement, ChangeEmailFormProps>(function ChangeEmailForm(
  { defaultValues, onSuccess, children, ...props },
  ref,
) {
  const { form, onSubmit, sentTo, currentEmailKnown } = useChangeEmailForm({ defaultValues, onSuccess });
  return (
    <AccountForm ref={ref} form={form} onSubmit={onSubmit} defaults={changeEmailMessages} {...props}>
      {children ?? <ChangeEmailFormFields sentTo={sentTo} currentEmailKnown={currentEmailKnown} />}
    </AccountForm>
  );
});

/** The default rendering: the four fields, the form-level error, where the link went, and submit. */
function ChangeEmailFormFields({ sentTo, currentEmailKnown }: { sentTo: string | undefined; currentEmailKnown: boolean }) {
  const t = useMessages();
  return (
    <>
      <FormError />
      <TextField
        name="email"
        label={t('changeEmail.email')}
        type="email"
        autoComplete="username"
        readOnly={currentEmailKnown}
      />
      <TextField name="password" label={t('changeEmail.password')} type="password" autoComplete="current-password" />
      <TextField name="newEmail" label={t('changeEmail.newEmail')} type="email" autoComplete="email" />
      <CheckboxField name="syncContactEmail" label={t('changeEmail.syncContactEmail')} />
      {sentTo !== undefined && <FormSuccess>{t('changeEmail.sent', { newEmail: sentTo })}</FormSuccess>}
      <Submit>{({ pending }) => t(pending ? 'changeEmail.submitting' : 'changeEmail.submit')}</Submit>
    </>
  );
}
