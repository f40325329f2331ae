import { zodResolver } from '@hookform/resolvers/zod';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { forwardRef, Profiler } from 'react';
import type { ComponentPropsWithoutRef, ProfilerOnRenderCallback } from 'react';
import { useForm } from 'react-hook-form';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { Field, FieldError, Form, FormError, formIssueMessages, Input, Label, Submit } from './index';

const schema = z.object({ email: z.email(), firstName: z.string().min(1) });

const hostRendered = vi.fn();
const formRootRendered = vi.fn();
const renders = () => ({ host: hostRendered.mock.calls.length, formRoot: formRootRendered.mock.calls.length });
const updates: Record<string, number> = {};
const countUpdates: ProfilerOnRenderCallback = (id, phase) => {
  if (phase !== 'mount') updates[id] = (updates[id] ?? 0) + 1;
};

// Rendered by `<Form asChild>`, so it renders exactly when the Form root does.
const CountingForm = forwardRef<HTMLFormElement, ComponentPropsWithoutRef<'form'>>(function CountingForm(props, ref) {
  formRootRendered();
  return <form ref={ref} {...props} />;
});

let release: () => void = () => {};

function ProfileForm() {
  hostRendered();
  const form = useForm({
    resolver: zodResolver(schema, { error: formIssueMessages }),
    defaultValues: { email: '', firstName: '' },
  });
  return (
    <Form
      form={form}
      asChild
      onSubmit={() =>
        new Promise<void>((resolve) => {
          release = resolve;
        })
      }
    >
      <CountingForm>
        <Profiler id="formError" onRender={countUpdates}>
          <FormError />
        </Profiler>
        <Profiler id="email" onRender={countUpdates}>
          <Field name="email">
            <Label>Email</Label>
            <Input />
            <FieldError />
          </Field>
        </Profiler>
        <Profiler id="firstName" onRender={countUpdates}>
          <Field name="firstName">
            <Label>First name</Label>
            <Input />
            <FieldError />
          </Field>
        </Profiler>
        <Profiler id="submit" onRender={countUpdates}>
          <Submit>Save</Submit>
        </Profiler>
      </CountingForm>
    </Form>
  );
}

function resetCounts() {
  hostRendered.mockClear();
  formRootRendered.mockClear();
  for (const id of Object.keys(updates)) delete updates[id];
}

beforeEach(resetCounts);

describe('re-renders', () => {
  it('mounting renders the host and root twice: react-hook-form re-renders its host once when ready', () => {
    render(<ProfileForm />);
    expect(renders()).toEqual({ host: 2, formRoot: 2 });
    expect(updates).toEqual({ formError: 1, email: 1, firstName: 1, submit: 1 });
  });

  it('typing into one field re-renders only that field, once (when it becomes dirty)', async () => {
    const user = userEvent.setup();
    render(<ProfileForm />);
    resetCounts();

    await user.type(screen.getByLabelText('Email'), 'ada@example.com');

    expect(renders()).toEqual({ host: 0, formRoot: 0 });
    expect(updates).toEqual({ email: 1 });

    await user.tab();
    expect(updates).toEqual({ email: 2 });
  });

  it('a valid submit re-renders only the root and Submit, twice each (pending on, then off)', async () => {
    const user = userEvent.setup();
    render(<ProfileForm />);
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('First name'), 'Ada');
    await user.tab();
    resetCounts();

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('button', { name: 'Save' })).toHaveAttribute('aria-disabled', 'true');
    await act(async () => release());

    expect(renders()).toEqual({ host: 0, formRoot: 2 });
    expect(updates).toEqual({ submit: 2 });
  });

  it('an invalid submit re-renders only the invalid field among the fields', async () => {
    const user = userEvent.setup();
    render(<ProfileForm />);
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.click(document.body);
    resetCounts();

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('This field is required.')).toBeInTheDocument();

    expect(renders()).toEqual({ host: 0, formRoot: 2 });
    expect(updates).toEqual({ firstName: 1, submit: 2 });
  });
});
