import { forwardRef, type ReactNode } from 'react';
import { Form, type FormProps } from '../form/form';
import { Field } from '../form/field';
import { FieldError } from '../form/field-error';
import { FormError } from '../form/form-error';
import { Input } from '../form/input';
import { Label } from '../form/label';
import { MessagesProvider, useMessages, type MessageOverrides } from '../form/messages';
import { Submit } from '../form/submit';
import type { LoginFormInput, LoginFormValues } from '../../forms/login-form-schema';
import { useLoginForm, type UseLoginFormOptions } from './use-login-form';

export interface LoginFormProps
  extends UseLoginFormOptions,
    Omit<FormProps<LoginFormInput, unknown, LoginFormValues>, 'form' | 'onSubmit' | 'children' | 'defaultValue'> {
  /** Parts of your own (`Field`, `Label`, `Input`, `FieldError`, `FormError`, `Submit`); a complete form without. */
  children?: ReactNode;
  /** Replacements for any message of this form, e.g. translations. */
  messages?: MessageOverrides;
}

/**
 * Email-and-password login. Without children it renders a complete, unstyled, accessible form; with
 * children you compose it from the parts, named `email` and `password`.
 *
 * @selector [data-pending] - the login request is in flight
 *
 * @example
 * ```tsx
 * <LoginForm onSuccess={() => navigate('/account')} />
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
  { defaultValues, onSuccess, messages, children, ...props },
  ref,
) {
  const { form, onSubmit } = useLoginForm({ defaultValues, onSuccess });
  const rendered = (
    <Form ref={ref} form={form} onSubmit={onSubmit} {...props}>
      {children ?? <LoginFormFields />}
    </Form>
  );
  return messages ? <MessagesProvider messages={messages}>{rendered}</MessagesProvider> : rendered;
});

/** The default rendering: both fields, the form-level error and the submit button. */
function LoginFormFields() {
  const t = useMessages();
  return (
    <>
      <FormError />
      <Field name="email">
        <Label>{t('login.email')}</Label>
        <Input type="email" autoComplete="username" />
        <FieldError />
      </Field>
      <Field name="password">
        <Label>{t('login.password')}</Label>
        <Input type="password" autoComplete="current-password" />
        <FieldError />
      </Field>
      <Submit>{({ pending }) => t(pending ? 'login.submitting' : 'login.submit')}</Submit>
    </>
  );
}
