import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import * as z from 'zod';
import { extend } from 'zod/mini';
import {
  Checkbox,
  Field,
  FieldError,
  Form,
  FormError,
  formIssueMessages,
  Input,
  Label,
  loginFormSchema,
  MessageDefaults,
  messageKey,
  signupFormDefaults,
  signupFormSchema,
  Submit,
  toCustomerSignup,
  useSignup,
} from 'emporix-customer-react';

// A schema without rules across fields (login): spread its shape into an object of your own, in the zod you write.
export const loginWithRememberMeSchema = z.object({ ...loginFormSchema.shape, rememberMe: z.boolean() });

// A schema with rules across fields (signup: the password typed twice alike, names for a business customer):
// `extend` from 'zod/mini' — part of the zod you already have — adds fields and keeps those rules.
export const signupWithTermsSchema = extend(signupFormSchema, {
  acceptTerms: z.boolean().refine((accepted) => accepted, { message: messageKey('signup.acceptTerms') }),
});

export function SignupWithTerms() {
  const signup = useSignup();
  const form = useForm<z.input<typeof signupWithTermsSchema>, unknown, z.output<typeof signupWithTermsSchema>>({
    resolver: zodResolver(signupWithTermsSchema, { error: formIssueMessages }),
    defaultValues: { ...signupFormDefaults, acceptTerms: false },
  });
  return (
    <MessageDefaults messages={{ 'signup.acceptTerms': 'Please accept the terms to create an account.' }}>
      <Form form={form} onSubmit={({ acceptTerms: _, ...values }) => signup.mutateAsync(toCustomerSignup(values))}>
        <FormError />
        <Field name="email">
          <Label>Email</Label>
          <Input type="email" autoComplete="email" />
          <FieldError />
        </Field>
        <Field name="password">
          <Label>Password</Label>
          <Input type="password" autoComplete="new-password" />
          <FieldError />
        </Field>
        <Field name="confirmPassword">
          <Label>Repeat the password</Label>
          <Input type="password" autoComplete="new-password" />
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
