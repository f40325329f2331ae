/**
 * An app adds fields of its own to the exported form schemas — in classic `zod` or with `zod/mini` — and uses
 * the result with `zodResolver` in a form built from the parts: the schema's own rules still hold, the new
 * fields are validated and reach `onSubmit`.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { screen, waitFor } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import * as zm from 'zod/mini';
import { renderWithSession, setupSimulator } from '../../test/harness';
import { Checkbox, Field, FieldError, Form, FormError, formIssueMessages, Input, Label, MessageDefaults, Submit } from '../components/form';
import { signupMessages } from '../components/signup-form/messages';
import { useSignup } from '../hooks/use-signup';
import { loginFormSchema, signupFormDefaults, signupFormSchema, toCustomerSignup } from './index';
import { messageKey } from './message-key';

const simulator = setupSimulator();

const loginWithRememberMe = z.object({ ...loginFormSchema.shape, rememberMe: z.boolean() });

const signupWithTerms = zm.extend(signupFormSchema, {
  acceptTerms: z.boolean().refine((accepted) => accepted, { message: messageKey('signup.acceptTerms') }),
});

describe('a form schema extended in classic zod', () => {
  it('parses with the rules of the schema and the new field', () => {
    expect(loginWithRememberMe.parse({ email: ' jürgen@bücher.de ', password: 'secret-1', rememberMe: true })).toEqual({
      email: 'jürgen@bücher.de',
      password: 'secret-1',
      rememberMe: true,
    });
    const refused = loginWithRememberMe.safeParse({ email: 'jürgen', password: '123' });
    expect(refused.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['email', 'password', 'rememberMe']);
  });

  it('drives a form of the app’s own through zodResolver', async () => {
    const onSubmit = vi.fn();
    function RememberMeLogin() {
      const form = useForm<z.input<typeof loginWithRememberMe>, unknown, z.output<typeof loginWithRememberMe>>({
        resolver: zodResolver(loginWithRememberMe, { error: formIssueMessages }),
        defaultValues: { email: '', password: '', rememberMe: false },
      });
      return (
        <Form form={form} onSubmit={onSubmit}>
          <Field name="email">
            <Label>Email</Label>
            <Input type="email" />
            <FieldError />
          </Field>
          <Field name="password">
            <Label>Password</Label>
            <Input type="password" />
            <FieldError />
          </Field>
          <Field name="rememberMe">
            <Checkbox />
            <Label>Stay logged in</Label>
          </Field>
          <Submit>Log in</Submit>
        </Form>
      );
    }
    const { user } = renderWithSession(<RememberMeLogin />, simulator());
    await user.type(screen.getByLabelText('Email'), 'jürgen');
    await user.type(screen.getByLabelText('Password'), '123');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter a valid email address.'));
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Must be at least 6 characters.');
    expect(onSubmit).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('Email'), '@bücher.de ');
    await user.type(screen.getByLabelText('Password'), '456');
    await user.click(screen.getByLabelText('Stay logged in'));
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({ email: 'jürgen@bücher.de', password: '123456', rememberMe: true }),
    );
  });
});

describe('a form schema extended with zod/mini', () => {
  it('keeps the rules across fields and adds the new one', () => {
    const typed = { ...signupFormDefaults, email: 'max@example.com', password: 'secret-1', confirmPassword: 'secret-2' };
    const refused = signupWithTerms.safeParse({ ...typed, acceptTerms: false });
    expect(refused.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['acceptTerms', 'signup.acceptTerms'],
      ['confirmPassword', 'signup.passwordMismatch'],
    ]);
    expect(signupWithTerms.parse({ ...typed, confirmPassword: 'secret-1', acceptTerms: true })).toMatchObject({
      email: 'max@example.com',
      acceptTerms: true,
    });
  });

  it('signs up through a form of the app’s own once the terms are accepted', async () => {
    function SignupWithTerms() {
      const signup = useSignup();
      const form = useForm<z.input<typeof signupWithTerms>, unknown, z.output<typeof signupWithTerms>>({
        resolver: zodResolver(signupWithTerms, { error: formIssueMessages }),
        defaultValues: { ...signupFormDefaults, acceptTerms: false },
      });
      return (
        <MessageDefaults messages={{ ...signupMessages, 'signup.acceptTerms': 'Please accept the terms.' }}>
          <Form form={form} onSubmit={({ acceptTerms: _, ...values }) => signup.mutateAsync(toCustomerSignup(values))}>
            <FormError />
            <Field name="email">
              <Label>Email</Label>
              <Input type="email" />
              <FieldError />
            </Field>
            <Field name="password">
              <Label>Password</Label>
              <Input type="password" />
              <FieldError />
            </Field>
            <Field name="confirmPassword">
              <Label>Repeat the password</Label>
              <Input type="password" />
              <FieldError />
            </Field>
            <Field name="acceptTerms">
              <Checkbox />
              <Label>I accept the terms</Label>
              <FieldError />
            </Field>
            <Submit>Create account</Submit>
          </Form>
        </MessageDefaults>
      );
    }
    const { user } = renderWithSession(<SignupWithTerms />, simulator());
    await user.type(screen.getByLabelText('Email'), 'jürgen@bücher.de');
    await user.type(screen.getByLabelText('Password'), 'secret-1');
    await user.type(screen.getByLabelText('Repeat the password'), 'secret-2');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(screen.getByLabelText('I accept the terms')).toHaveAccessibleDescription('Please accept the terms.'));
    expect(screen.getByLabelText('Repeat the password')).toHaveAccessibleDescription('The passwords do not match.');
    expect(simulator().requestCount('signup')).toBe(0);

    await user.clear(screen.getByLabelText('Repeat the password'));
    await user.type(screen.getByLabelText('Repeat the password'), 'secret-1');
    await user.click(screen.getByLabelText('I accept the terms'));
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(simulator().requestCount('signup')).toBe(1));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
