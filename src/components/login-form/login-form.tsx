import { forwardRef } from 'react';
import type { LoginFormInput, LoginFormValues } from '../../forms/login-form-schema';
import { AccountForm, type AccountFormComponentProps } from '../account-form';
import { FormError } from '../form/form-error';
import { useMessages } from '../form/messages';
import { Submit } from '../form/submit';
import { TextField } from '../text-field';
import { loginMessages } from './messages';
import { useLoginForm, type UseLoginFormOptions } from './use-login-form';

/** Props of `LoginForm`: the options of `useLoginForm`, the form's own props, and the rest for its `<form>`. */
export interface LoginFormProps extends UseLoginFormOptions, AccountFormComponentProps<LoginFormInput, LoginFormValues> {}

/**
 * Email-and-password login. Without children it renders a complete, unstyled, accessible form; with
 * children you compose it from the parts, named `email` and `password`. `defaultValues={{ email }}` starts
 * it with an email filled in — the one a password reset handed over (`<PasswordResetForm onLogin>`), or one
 * remembered from an earlier visit. A guest's anonymous token is fetched when it mounts (not while the
 * browser is offline: then once it is back online), so the submit waits for one round trip less.
 *
 * @selector [data-pending] - the login request is in flight
 *
 * @example
 * ```tsx
 * <LoginForm onSuccess={() => navigate('/account')} />
 * <LoginForm defaultValues={{ email: emailFromPasswordReset }} />
 *
 * <LoginForm className="login">
 *   <FormError />
 *   <Field name="email"><Label>Email</Label><Input type="email" autoComplete="username" /><FieldError /></Field>
 *   <Field name="password"><Label>Password</Label><Input type="password" autoComplete="current-password" /><FieldError /></Field>
 *   <Submit>Sign in</Submit>
 * </LoginForm>
 * ```
 */
export const LoginForm = forwardRef<HTMLFormElement, LoginFormProps>(function LoginForm(
  { defaultValues, onSuccess, children, ...props },
  ref,
) {
  const { form, onSubmit } = useLoginForm({ defaultValues, onSuccess });
  return (
    <AccountForm ref={ref} form={form} onSubmit={onSubmit} defaults={loginMessages} {...props}>
      {children ?? <LoginFormFields />}
    </AccountForm>
  );
});

/** The default rendering: both fields, the form-level error and the submit button. */
function LoginFormFields() {
  const t = useMessages();
  return (
    <>
      <FormError />
      <TextField name="email" label={t('login.email')} type="email" autoComplete="username" />
      <TextField name="password" label={t('login.password')} type="password" autoComplete="current-password" />
      <Submit>{({ pending }) => t(pending ? 'login.submitting' : 'login.submit')}</Submit>
    </>
  );
}
