import { forwardRef } from 'react';
import type { ChangePasswordFormInput, ChangePasswordFormValues } from '../../forms/change-password-form-schema';
import { AccountForm, type AccountFormComponentProps } from '../account-form';
import { FormError } from '../form/form-error';
import { useMessages } from '../form/messages';
import { Submit } from '../form/submit';
import { FormSuccess } from '../form/form-success';
import { TextField } from '../text-field';
import { Username } from './username';
import { changePasswordMessages } from './messages';
import { useChangePasswordForm, type UseChangePasswordFormOptions } from './use-change-password-form';

/**
 * Props of `ChangePasswordForm`: the options of `useChangePasswordForm`, the form's own props, and the rest for its
 * `<form>`.
 */
export interface ChangePasswordFormProps
  extends UseChangePasswordFormOptions,
    AccountFormComponentProps<ChangePasswordFormInput, ChangePasswordFormValues> {}

/**
 * Changes the logged-in customer's password: the current one, the new one and the new one again. Without
 * children it renders a complete, unstyled, accessible form; with children you compose it from the parts,
 * named `currentPassword`, `newPassword` and `confirmNewPassword`, and `<Username>` (the login email, hidden,
 * for password managers). After success the fields are cleared and `<FormSuccess>` shows.
 *
 * @selector [data-pending] - the change is being sent
 *
 * @example
 * ```tsx
 * <ChangePasswordForm onSuccess={() => toast('Password changed')} />
 *
 * <ChangePasswordForm>
 *   <FormError />
 *   <Username />
 *   <Field name="currentPassword"><Label>Current</Label><Input type="password" autoComplete="current-password" /><FieldError /></Field>
 *   <Field name="newPassword"><Label>New</Label><Input type="password" autoComplete="new-password" /><FieldError /></Field>
 *   <Field name="confirmNewPassword"><Label>Again</Label><Input type="password" autoComplete="new-password" /><FieldError /></Field>
 *   <FormSuccess>Done.</FormSuccess>
 *   <Submit>Change</Submit>
 * </ChangePasswordForm>
 * ```
 */
export const ChangePasswordForm = forwardRef<HTMLFormElement, ChangePasswordFormProps>(function ChangePasswordForm(
  { onSuccess, children, ...props },
  ref,
) {
  const { form, onSubmit } = useChangePasswordForm({ onSuccess });
  return (
    <AccountForm ref={ref} form={form} onSubmit={onSubmit} defaults={changePasswordMessages} {...props}>
      {children ?? <ChangePasswordFormFields />}
    </AccountForm>
  );
});

/** The default rendering: the three password fields, the form-level error, success and submit. */
function ChangePasswordFormFields() {
  const t = useMessages();
  return (
    <>
      <FormError />
      <Username />
      <TextField
        name="currentPassword"
        label={t('changePassword.currentPassword')}
        type="password"
        autoComplete="current-password"
      />
      <TextField
        name="newPassword"
        label={t('changePassword.newPassword')}
        description={t('changePassword.newPasswordHint')}
        type="password"
        autoComplete="new-password"
      />
      <TextField
        name="confirmNewPassword"
        label={t('changePassword.confirmNewPassword')}
        type="password"
        autoComplete="new-password"
      />
      <FormSuccess>{t('changePassword.success')}</FormSuccess>
      <Submit>{({ pending }) => t(pending ? 'changePassword.submitting' : 'changePassword.submit')}</Submit>
    </>
  );
}
