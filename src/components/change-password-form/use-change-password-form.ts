import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import {
  changePasswordFormSchema,
  type ChangePasswordFormInput,
  type ChangePasswordFormValues,
} from '../../forms/change-password-form-schema';
import { useChangePassword } from '../../hooks/use-change-password';
import { formIssueMessages } from '../form/form-issue-messages';
import { useResetAfterSubmit } from '../form/use-reset-after-submit';
import { toFormError } from '../server-error';

/** Options of `useChangePasswordForm` (and the matching props of `<ChangePasswordForm>`). */
export interface UseChangePasswordFormOptions {
  /** Called once the password is changed. */
  onSuccess?: () => void;
}

const EMPTY: ChangePasswordFormInput = { currentPassword: '', newPassword: '', confirmNewPassword: '' };

/**
 * The change-password form's state and submit handler, for markup of your own. The API refuses a wrong
 * current password with a detail on `currentPassword`, shown on that field as `changePassword.currentPasswordWrong`;
 * other failures become form-level errors and the typed passwords stay. Only after success are the fields cleared.
 *
 * @example
 * ```tsx
 * const { form, onSubmit } = useChangePasswordForm({ onSuccess: () => toast('Password changed') });
 * <Form form={form} onSubmit={onSubmit}>…</Form>
 * ```
 */
export function useChangePasswordForm(options: UseChangePasswordFormOptions = {}) {
  const changePassword = useChangePassword();
  const form = useForm<ChangePasswordFormInput, unknown, ChangePasswordFormValues>({
    resolver: zodResolver(changePasswordFormSchema, { error: formIssueMessages }),
    defaultValues: EMPTY,
  });
  const resetAfterSubmit = useResetAfterSubmit(form);

  const onSubmit = async ({ currentPassword, newPassword }: ChangePasswordFormValues): Promise<void> => {
    try {
      await changePassword.mutateAsync({ currentPassword, newPassword });
    } catch (error) {
      const formError = toFormError(error);
      throw {
        ...formError,
        details: formError.details?.map((detail) =>
          detail.field === 'currentPassword' ? { ...detail, message: 'changePassword.currentPasswordWrong' } : detail,
        ),
      };
    }
    resetAfterSubmit(EMPTY);
    options.onSuccess?.();
  };

  return { form, onSubmit, changePassword };
}
