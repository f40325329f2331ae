import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { Field, FieldError, FormError, Input, Label, LoginForm, Submit } from 'emporix-customer-react';

/** A design-system input: any component that forwards its ref to a native <input> can take the wiring. */
const TextInput = forwardRef<HTMLInputElement, ComponentPropsWithoutRef<'input'>>(function TextInput(props, ref) {
  return <input ref={ref} {...props} className={['ds-input', props.className].filter(Boolean).join(' ')} />;
});

export function ComposedLogin() {
  return (
    <LoginForm className="shop-login">
      <FormError />
      <Field name="email">
        <Label>Email address</Label>
        {/* asChild: our <TextInput> gets id, name, aria-invalid, aria-describedby and data-* instead of an <input>. */}
        <Input asChild>
          <TextInput type="email" autoComplete="username" />
        </Input>
        {/* FieldError's children are its message: with asChild, a function renders your element around it. */}
        <FieldError asChild>{({ message }) => <small>{message}</small>}</FieldError>
      </Field>
      <Field name="password">
        <Label>Password</Label>
        <Input asChild>
          <TextInput type="password" autoComplete="current-password" />
        </Input>
        <FieldError />
      </Field>
      <Submit className="primary">{({ pending }) => (pending ? 'Signing in…' : 'Sign in')}</Submit>
    </LoginForm>
  );
}
