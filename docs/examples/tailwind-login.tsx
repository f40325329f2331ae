import { Field, FieldError, FormError, Input, Label, LoginForm, Submit } from 'emporix-customer-react';

// Tailwind (3.2 or later) styles the same data attributes with its data-[…] variants.
const input =
  'box-border w-full rounded-md border-2 border-slate-500 px-3 py-2 data-[invalid]:border-red-700 focus-visible:outline-blue-700';

export function TailwindLogin() {
  return (
    <LoginForm className="grid max-w-sm gap-4 font-sans data-[pending]:cursor-progress">
      <FormError className="border-l-4 border-red-700 bg-red-50 px-3 py-2 text-red-800" />
      <Field name="email" className="group">
        <Label className="block font-semibold group-data-[invalid]:text-red-700">Email</Label>
        <Input type="email" autoComplete="username" className={input} />
        <FieldError className="mt-1 text-sm text-red-700" />
      </Field>
      <Field name="password" className="group">
        <Label className="block font-semibold group-data-[invalid]:text-red-700">Password</Label>
        <Input type="password" autoComplete="current-password" className={input} />
        <FieldError className="mt-1 text-sm text-red-700" />
      </Field>
      <Submit className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white data-[pending]:bg-blue-900">
        {({ pending }) => (pending ? 'Logging in…' : 'Log in')}
      </Submit>
    </LoginForm>
  );
}
