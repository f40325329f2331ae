import { Field, FieldError, FormError, Input, Label, LoginForm, Submit } from 'emporix-customer-react';
import { Button } from './ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from './ui/card';
import { Input as UiInput } from './ui/input';
import { Label as UiLabel } from './ui/label';

// The library's parts keep the wiring (ids, aria-*, validation, submit); asChild hands the markup to your components.
export function ShadcnLogin() {
  return (
    <Card className="max-w-sm font-sans">
      <CardHeader>
        <CardTitle>Log in</CardTitle>
        <CardDescription>Use the email address of your account.</CardDescription>
      </CardHeader>
      <CardContent>
        <LoginForm aria-label="Log in" className="grid gap-4">
          <FormError className="rounded-md border border-red-600/50 px-4 py-3 text-sm text-red-700" />
          <Field name="email" className="grid gap-2">
            <Label asChild>
              <UiLabel>Email</UiLabel>
            </Label>
            <Input asChild>
              <UiInput type="email" autoComplete="username" placeholder="you@example.com" />
            </Input>
            <FieldError className="text-sm text-red-700" />
          </Field>
          <Field name="password" className="grid gap-2">
            <Label asChild>
              <UiLabel>Password</UiLabel>
            </Label>
            <Input asChild>
              <UiInput type="password" autoComplete="current-password" />
            </Input>
            <FieldError className="text-sm text-red-700" />
          </Field>
          <Submit asChild>
            <Button className="w-full">Log in</Button>
          </Submit>
        </LoginForm>
      </CardContent>
    </Card>
  );
}
