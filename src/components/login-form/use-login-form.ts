import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { LoginResult } from '../../api/client';
import { loginFormSchema, type LoginFormInput, type LoginFormValues } from '../../forms/login-form-schema';
import { useLogin } from '../../hooks/use-login';
import { useWarmAnonymousToken } from '../../hooks/use-warm-anonymous-token';
import { formIssueMessages } from '../form/form-issue-messages';
import { toFormError } from '../server-error';

/** Options of `useLoginForm` (and the matching props of `<LoginForm>`). */
export interface UseLoginFormOptions {
  /** Initial values, e.g. `{ email }` handed over by a password reset, or remembered from an earlier visit. */
  defaultValues?: Partial<LoginFormInput>;
  /** Called once the customer is logged in. */
  onSuccess?: (result: LoginResult) => void;
}

/**
 * The login form's state and submit handler, for markup of your own. Pass `form` and `onSubmit` to `<Form>`
 * (or call `form.handleSubmit(onSubmit)` yourself). A guest's anonymous token is fetched on mount, ahead of
 * the submit that needs it. A refused login, a network failure or a server error
 * becomes a form-level error; every typed value stays.
 *
 * @example
 * ```tsx
 * const { form, onSubmit } = useLoginForm({ onSuccess: () => navigate('/account') });
 * <Form form={form} onSubmit={onSubmit}>…</Form>
 * ```
 */
export function useLoginForm(options: UseLoginFormOptions = {}) {
  const login = useLogin();
  useWarmAnonymousToken();
  const form = useForm<LoginFormInput, unknown, LoginFormValues>({
    resolver: zodResolver(loginFormSchema, { error: formIssueMessages }),
    defaultValues: { email: '', password: '', ...options.defaultValues },
  });

  const onSubmit = async (values: LoginFormValues): Promise<void> => {
    let result: LoginResult;
    try {
      result = await login.mutateAsync(values);
    } catch (error) {
      throw toFormError(error);
    }
    options.onSuccess?.(result);
  };

  return { form, onSubmit, login };
}
