/**
 * Re-renders while a shopper types into one field of `<SignupForm>`. The form is its default rendering
 * rebuilt from the same parts (`signup-form.tsx`, `SignupFormFields`), each under a React `<Profiler>`, with
 * `asChild` putting a counting `<form>` in the root's place — it renders exactly when the form root does.
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { forwardRef, Profiler, type ComponentPropsWithoutRef, type ProfilerOnRenderCallback, type ReactNode } from 'react';
import { Submit } from '../../src/components/form/submit';
import { SignupForm, SignupFormError } from '../../src/components/signup-form';
import { CheckboxField, TextField } from '../../src/components/text-field';
import { onSimulator, renderInProviders } from './on-simulator';

/** Re-renders (updates after mount) while typing. */
export interface TypingRenders {
  /** Renders of the form root (the `<form>` element `<Form>` renders). */
  formRoot: number;
  /** Updates of the other parts (form error, the other fields, the checkbox, submit), summed. */
  siblings: number;
  /** Updates of the field typed into. */
  typedField: number;
  /** Updates per part, for a failure message that says which. */
  byPart: Record<string, number>;
}

/** 20 characters. */
export const TYPED = 'Augusta Ada Lovelace';
const TYPED_FIELD = 'firstName';

/** Types {@link TYPED} into the first name of a signup form and counts who re-rendered. */
export function signupTyping(): Promise<TypingRenders> {
  return onSimulator(async (_sim, newClient) => {
    let formRoot = 0;
    const updates: Record<string, number> = {};
    const counting = { on: false };
    const onRender: ProfilerOnRenderCallback = (id, phase) => {
      if (counting.on && phase !== 'mount') updates[id] = (updates[id] ?? 0) + 1;
    };
    const CountingForm = forwardRef<HTMLFormElement, ComponentPropsWithoutRef<'form'>>(function CountingForm(props, ref) {
      if (counting.on) formRoot += 1;
      return <form ref={ref} {...props} />;
    });
    const part = (id: string, children: ReactNode) => (
      <Profiler id={id} onRender={onRender}>
        {children}
      </Profiler>
    );

    renderInProviders(
      <SignupForm asChild>
        <CountingForm>
          {part('formError', <SignupFormError />)}
          {part('email', <TextField name="email" label="Email" type="email" autoComplete="email" />)}
          {part(
            'password',
            <TextField name="password" label="Password" description="At least 6 characters." type="password" autoComplete="new-password" />,
          )}
          {part('confirmPassword', <TextField name="confirmPassword" label="Confirm password" type="password" autoComplete="new-password" />)}
          {part('firstName', <TextField name="firstName" label="First name" autoComplete="given-name" />)}
          {part('lastName', <TextField name="lastName" label="Last name" autoComplete="family-name" />)}
          {part('forCompany', <CheckboxField name="forCompany" label="I am signing up for a company" />)}
          {part('submit', <Submit>Create account</Submit>)}
        </CountingForm>
      </SignupForm>,
      newClient(),
    );
    const user = userEvent.setup();
    const input = screen.getByLabelText('First name');
    counting.on = true;
    await user.type(input, TYPED);
    counting.on = false;
    if ((input as HTMLInputElement).value !== TYPED) throw new Error('Typing into the signup form did not land.');

    const siblings = Object.entries(updates).filter(([id]) => id !== TYPED_FIELD);
    return {
      formRoot,
      siblings: siblings.reduce((sum, [, n]) => sum + n, 0),
      typedField: updates[TYPED_FIELD] ?? 0,
      byPart: { ...updates },
    };
  });
}
