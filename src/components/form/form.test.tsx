import { zodResolver } from '@hookform/resolvers/zod';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import type { UseFormProps, UseFormReturn } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  applyServerError,
  Checkbox,
  Description,
  Field,
  FieldError,
  Form,
  FormError,
  formIssueMessages,
  Input,
  Label,
  MessagesProvider,
  Select,
  Submit,
  Textarea,
} from './index';

const schema = z.object({
  email: z.email(),
  firstName: z.string().min(1),
  password: z.string().min(8),
  nickname: z.string(),
});
type Values = z.infer<typeof schema>;
const emptyValues: Values = { email: '', firstName: '', password: '', nickname: '' };
const validValues = { email: 'ada@example.com', firstName: 'Ada', password: 'correct horse' };

type SubmitHandler = (values: Values, form: UseFormReturn<Values>) => unknown;

function TestForm({
  onSubmit = () => {},
  options,
  children,
}: {
  onSubmit?: SubmitHandler;
  options?: Partial<UseFormProps<Values>>;
  children?: (form: UseFormReturn<Values>) => ReactNode;
}) {
  const form = useForm<Values>({
    resolver: zodResolver(schema, { error: formIssueMessages }),
    defaultValues: emptyValues,
    ...options,
  });
  return (
    <Form form={form} onSubmit={(values) => onSubmit(values, form)} aria-label="Profile">
      <FormError />
      <Field name="email">
        <Label>Email</Label>
        <Input type="email" />
        <Description>We never share it.</Description>
        <FieldError />
      </Field>
      <Field name="firstName">
        <Label>First name</Label>
        <Input />
        <FieldError />
      </Field>
      <Field name="password">
        <Label>Password</Label>
        <Input type="password" />
        <FieldError />
      </Field>
      {children?.(form)}
      <Submit>{({ pending }) => (pending ? 'Saving…' : 'Save')}</Submit>
    </Form>
  );
}

async function fillValid(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Email'), validValues.email);
  await user.type(screen.getByLabelText('First name'), validValues.firstName);
  await user.type(screen.getByLabelText('Password'), validValues.password);
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('labels and descriptions', () => {
  it('labels each control and describes it with its Description', () => {
    render(<TestForm />);
    const email = screen.getByLabelText('Email');
    expect(email.tagName).toBe('INPUT');
    expect(email).toHaveAttribute('name', 'email');
    expect(email).toHaveAccessibleDescription('We never share it.');
    expect(screen.getByLabelText('First name')).not.toHaveAttribute('aria-describedby');
    expect(screen.getByRole('form', { name: 'Profile' })).toHaveAttribute('novalidate');
  });
});

describe('client validation', () => {
  it('marks invalid fields, points aria-describedby at the visible error and focuses the first one', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<TestForm onSubmit={onSubmit} />);
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const email = screen.getByLabelText('Email');
    await waitFor(() => expect(email).toHaveFocus());
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('We never share it. This field is required.');
    expect(screen.getByLabelText('First name')).toHaveAccessibleDescription('This field is required.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Must be at least 8 characters.');
    expect(email.closest('[data-invalid]')).not.toBeNull();
    expect(screen.getByText('Email')).toHaveAttribute('data-invalid');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('renders no FieldError and no error reference while a field is valid', async () => {
    const user = userEvent.setup();
    render(<TestForm />);
    await user.type(screen.getByLabelText('Email'), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const email = screen.getByLabelText('Email');
    expect(await screen.findByText('Enter a valid email address.')).toBeInTheDocument();

    await user.clear(email);
    await user.type(email, validValues.email);
    await waitFor(() => expect(screen.queryByText('Enter a valid email address.')).not.toBeInTheDocument());
    expect(email).not.toHaveAttribute('aria-invalid');
    expect(email).not.toHaveAttribute('data-invalid');
    expect(email).toHaveAccessibleDescription('We never share it.');
    expect(email.getAttribute('aria-describedby')?.split(' ')).toHaveLength(1);
  });

  it('exposes dirty and touched state on the Field', async () => {
    const user = userEvent.setup();
    render(<TestForm />);
    const field = screen.getByLabelText('Email').closest('div');
    expect(field).not.toHaveAttribute('data-dirty');
    await user.type(screen.getByLabelText('Email'), 'a');
    expect(field).toHaveAttribute('data-dirty');
    expect(field).not.toHaveAttribute('data-touched');
    await user.tab();
    expect(field).toHaveAttribute('data-touched');
  });
});

describe('server errors', () => {
  it('shows an error without details in FormError with role="alert"', async () => {
    const user = userEvent.setup();
    render(
      <TestForm onSubmit={(_, form) => applyServerError(form, { status: 503, message: 'form.networkError' })}>
        {() => <FormError data-testid="typed">{({ type }) => `status ${type}`}</FormError>}
      </TestForm>,
    );
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alerts = await screen.findAllByRole('alert');
    expect(alerts[0]).toHaveTextContent('We could not reach the server. Check your connection and try again.');
    expect(screen.getByTestId('typed')).toHaveTextContent('status 503');
  });

  it('maps details onto fields through fieldMap, focuses the first one, and the rest onto FormError', async () => {
    const user = userEvent.setup();
    render(
      <TestForm
        onSubmit={(_, form) =>
          applyServerError(
            form,
            {
              status: 400,
              message: 'Some values were rejected.',
              details: [
                { field: 'customerDetails.firstName', type: 'NotBlank', message: 'First name is reserved.' },
                { field: 'password', message: 'Password was used before.' },
                { field: 'customerDetails.unknown', message: 'Not a form field.' },
              ],
            },
            { fieldMap: { 'customerDetails.firstName': 'firstName' } },
          )
        }
      />,
    );
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const firstName = screen.getByLabelText('First name');
    await waitFor(() => expect(firstName).toHaveFocus());
    expect(firstName).toHaveAttribute('aria-invalid', 'true');
    expect(firstName).toHaveAccessibleDescription('First name is reserved.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Password was used before.');
    expect(screen.getByRole('alert')).toHaveTextContent('Some values were rejected.');
  });

  it('shows no FormError when every detail names a field', async () => {
    const user = userEvent.setup();
    render(
      <TestForm
        onSubmit={(_, form) =>
          applyServerError(form, { status: 409, message: 'Conflict', details: [{ field: 'email', message: 'Taken.' }] })
        }
      />,
    );
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Taken.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it.each([
    ['after a submit (re-validation on change)', {}],
    ['whatever the re-validation mode', { reValidateMode: 'onBlur' } as const],
  ])('clears a field server error as soon as the user edits the field, %s', async (_, options) => {
    const user = userEvent.setup();
    render(
      <TestForm
        options={options}
        onSubmit={(_, form) =>
          applyServerError(form, {
            status: 409,
            message: 'Conflict',
            details: [{ field: 'email', message: 'This email is already registered.' }],
          })
        }
      />,
    );
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const email = screen.getByLabelText('Email');
    expect(await screen.findByText('This email is already registered.')).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');

    await user.type(email, 'm');
    expect(screen.queryByText('This email is already registered.')).not.toBeInTheDocument();
    expect(email).not.toHaveAttribute('aria-invalid');
  });

  it('clears root.server at the start of the next submit', async () => {
    const user = userEvent.setup();
    const gate = deferred();
    const onSubmit = vi
      .fn<SubmitHandler>()
      .mockImplementationOnce((_, form) => applyServerError(form, { status: 500, message: 'Server down.' }))
      .mockImplementationOnce(() => gate.promise);
    render(<TestForm onSubmit={onSubmit} />);
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Server down.');

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await act(async () => gate.resolve());
  });

  it('shows an error thrown by onSubmit: server errors as sent, anything else as the unknown error', async () => {
    const user = userEvent.setup();
    const onSubmit = vi
      .fn<SubmitHandler>()
      .mockRejectedValueOnce(
        Object.assign(new Error('Customer already exists.'), {
          status: 409,
          details: [{ field: 'email', message: 'Taken.' }],
        }),
      )
      .mockRejectedValueOnce(new TypeError("Cannot read properties of undefined (reading 'x')"));
    render(<TestForm onSubmit={onSubmit} />);
    await fillValid(user);

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Taken.')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Email'), 'm');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong. Please try again.');
    expect(screen.getByRole('alert')).not.toHaveTextContent('Cannot read');
  });
});

describe('Submit', () => {
  it('is aria-disabled and pending while onSubmit is pending, keeps the focus, and a double click submits once', async () => {
    const user = userEvent.setup();
    const gate = deferred();
    const onSubmit = vi.fn(() => gate.promise);
    render(<TestForm onSubmit={onSubmit} />);
    await fillValid(user);

    await user.dblClick(screen.getByRole('button', { name: 'Save' }));
    const button = await screen.findByRole('button', { name: 'Saving…' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAttribute('data-pending');
    // Not natively disabled: a disabled button drops the focus to <body>.
    expect(button).toBeEnabled();
    expect(button).toHaveFocus();
    expect(screen.getByRole('form')).toHaveAttribute('data-pending');
    expect(screen.getByLabelText('Email')).toBeEnabled();

    await user.click(button);
    await user.type(screen.getByLabelText('Email'), '{Enter}');
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith({ ...validValues, nickname: '' }, expect.anything());

    await act(async () => gate.resolve());
    const idle = screen.getByRole('button', { name: 'Save' });
    expect(idle).not.toHaveAttribute('aria-disabled');
    expect(idle).not.toHaveAttribute('data-pending');
    expect(screen.getByRole('form')).not.toHaveAttribute('data-pending');
  });

  it("ignores clicks while pending, without calling the button's own onClick", async () => {
    const user = userEvent.setup();
    const gate = deferred();
    const onSubmit = vi.fn(() => gate.promise);
    const onClick = vi.fn();
    function ClickForm() {
      const form = useForm({ defaultValues: { note: '' } });
      return (
        <Form form={form} onSubmit={onSubmit}>
          <Submit onClick={onClick}>Send</Submit>
        </Form>
      );
    }
    render(<ClickForm />);
    const button = screen.getByRole('button', { name: 'Send' });
    await user.click(button);
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'true'));
    await user.click(button);
    await user.keyboard('{Enter}');
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledTimes(1);
    await act(async () => gate.resolve());
  });

  it('is natively disabled only when told so', () => {
    render(
      <TestForm>
        {() => <Submit disabled>Not yet</Submit>}
      </TestForm>,
    );
    expect(screen.getByRole('button', { name: 'Not yet' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Not yet' })).toHaveAttribute('aria-disabled', 'true');
  });
});

describe('asChild and handler composition', () => {
  it('renders the user element with merged className and both handlers, and focuses it when invalid', async () => {
    const user = userEvent.setup();
    const partChange = vi.fn();
    const childChange = vi.fn();
    const onSubmit = vi.fn();
    const selectSchema = z.object({ country: z.enum(['DE', 'FR']) });
    function CountryForm() {
      const form = useForm({
        resolver: zodResolver(selectSchema, { error: formIssueMessages }),
        defaultValues: { country: '' as 'DE' },
      });
      return (
        <Form form={form} onSubmit={onSubmit}>
          <Field name="country" asChild>
            <fieldset className="field">
              <Label asChild>
                <span className="label">Country</span>
              </Label>
              <Input asChild className="from-part" onChange={partChange}>
                <select className="from-child" onChange={childChange}>
                  <option value="">Choose…</option>
                  <option value="DE">Germany</option>
                  <option value="FR">France</option>
                </select>
              </Input>
              <FieldError />
            </fieldset>
          </Field>
          <Submit asChild>
            <button className="cta">Continue</button>
          </Submit>
        </Form>
      );
    }
    render(<CountryForm />);
    const select = screen.getByRole('combobox');
    expect(select).toHaveClass('from-part', 'from-child');
    expect(screen.getByText('Country').tagName).toBe('SPAN');
    expect(select.closest('fieldset')).toHaveClass('field');

    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(select).toHaveFocus());
    expect(select).toHaveAttribute('aria-invalid', 'true');
    expect(select.closest('fieldset')).toHaveAttribute('data-invalid');
    expect(screen.getByText('This field is required.')).toBeInTheDocument();

    await user.selectOptions(select, 'FR');
    expect(childChange).toHaveBeenCalledTimes(1);
    expect(partChange).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ country: 'FR' }));
  });

  it("skips the part's own handler when the user's handler calls preventDefault()", async () => {
    const user = userEvent.setup();
    const onBlur = vi.fn();
    render(
      <TestForm>
        {() => (
          <Field name="nickname">
            <Label>Nickname</Label>
            <Input onChange={(event) => event.preventDefault()} onBlur={onBlur} />
          </Field>
        )}
      </TestForm>,
    );
    const nickname = screen.getByLabelText('Nickname');
    await user.type(nickname, 'ada');
    expect(nickname.closest('div')).not.toHaveAttribute('data-dirty');

    await user.tab();
    expect(onBlur).toHaveBeenCalledTimes(1);
    expect(nickname.closest('div')).toHaveAttribute('data-touched');
  });
});

describe('asChild: the part owns its wiring', () => {
  it("merges the child's aria-describedby and keeps the part's id, htmlFor and name", () => {
    render(
      <TestForm>
        {() => (
          <Field name="nickname">
            <Label asChild>
              <label htmlFor="elsewhere" id="own-label">
                Nickname
              </label>
            </Label>
            <Input asChild>
              <input id="mine" name="other" aria-invalid={false} aria-describedby="nickname-hint" />
            </Input>
            <p id="nickname-hint">Shown to other shoppers.</p>
            <FieldError />
          </Field>
        )}
      </TestForm>,
    );
    const nickname = screen.getByLabelText('Nickname');
    expect(nickname).toHaveAttribute('name', 'nickname');
    expect(nickname).not.toHaveAttribute('id', 'mine');
    expect(nickname).toHaveAccessibleDescription('Shown to other shoppers.');

    expect(screen.getByText('Nickname')).toHaveAttribute('for', nickname.id);
  });

  it('announces an error of a field whose child brings its own description, and keeps the label linked', async () => {
    const user = userEvent.setup();
    render(
      <TestForm
        onSubmit={(_, form) =>
          applyServerError(form, { status: 400, message: 'Rejected.', details: [{ field: 'nickname', message: 'Taken.' }] })
        }
      >
        {() => (
          <Field name="nickname">
            <Label asChild>
              <label htmlFor="elsewhere">Nickname</label>
            </Label>
            <Input asChild>
              <input id="mine" aria-invalid={false} aria-describedby="nickname-hint" />
            </Input>
            <p id="nickname-hint">Shown to other shoppers.</p>
            <FieldError />
          </Field>
        )}
      </TestForm>,
    );
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const nickname = screen.getByLabelText('Nickname');
    await waitFor(() => expect(nickname).toHaveAttribute('aria-invalid', 'true'));
    expect(nickname).toHaveFocus();
    expect(nickname).toHaveAccessibleDescription('Shown to other shoppers. Taken.');
  });

  it("keeps a submit button submitting and aria-disabled while pending, whatever the child's type and disabled say", async () => {
    const user = userEvent.setup();
    const gate = deferred();
    const onSubmit = vi.fn(() => gate.promise);
    function DesignSystemForm() {
      const form = useForm({ defaultValues: { note: '' } });
      return (
        <Form form={form} onSubmit={onSubmit}>
          <Submit asChild>
            <button type="button" disabled={false} aria-disabled={false} className="ds-button">
              Send
            </button>
          </Submit>
        </Form>
      );
    }
    render(<DesignSystemForm />);
    const button = screen.getByRole('button', { name: 'Send' });
    expect(button).toHaveAttribute('type', 'submit');
    await user.click(button);
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'true'));
    expect(button).toHaveFocus();
    await user.click(button);
    expect(onSubmit).toHaveBeenCalledTimes(1);
    await act(async () => gate.resolve());
    expect(button).not.toHaveAttribute('aria-disabled', 'true');
  });
});

describe('asChild: the part owns its state attributes and yields to a prevented click', () => {
  it("keeps data-pending on a child that brings its own data-pending, and does not submit after the child's preventDefault()", async () => {
    const user = userEvent.setup();
    const gate = deferred();
    const onSubmit = vi.fn(() => gate.promise);
    const onClick = vi.fn();
    let block = true;
    function GuardedForm() {
      const form = useForm({ defaultValues: { note: '' } });
      return (
        <Form form={form} onSubmit={onSubmit}>
          <Submit asChild onClick={onClick}>
            <button data-pending={undefined} onClick={(event) => block && event.preventDefault()}>
              Send
            </button>
          </Submit>
        </Form>
      );
    }
    render(<GuardedForm />);
    const button = screen.getByRole('button', { name: 'Send' });
    await user.click(button);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(onClick).not.toHaveBeenCalled();

    block = false;
    await user.click(button);
    await waitFor(() => expect(button).toHaveAttribute('data-pending'));
    expect(onClick).toHaveBeenCalledTimes(1);
    await act(async () => gate.resolve());
    await waitFor(() => expect(button).not.toHaveAttribute('data-pending'));
  });

  it("shows the field's invalid state on a child that sets its own data-invalid", async () => {
    const user = userEvent.setup();
    function NameForm() {
      const form = useForm({
        resolver: zodResolver(z.object({ city: z.string().min(1) }), { error: formIssueMessages }),
        defaultValues: { city: '' },
      });
      return (
        <Form form={form} onSubmit={() => {}}>
          <Field name="city" asChild>
            <div data-invalid="never">
              <Label>City</Label>
              <Input />
              <FieldError />
            </div>
          </Field>
          <Submit>Save</Submit>
        </Form>
      );
    }
    render(<NameForm />);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByLabelText('City').closest('div')).toHaveAttribute('data-invalid', ''));
  });
});

describe('server details that no field on screen shows', () => {
  type WizardValues = { email: string; zipCode: string; city: string };

  /** Two steps: the address fields of step 1 stay registered while step 2 is on screen. */
  function Wizard({ onSubmit }: { onSubmit: (values: WizardValues, form: UseFormReturn<WizardValues>) => unknown }) {
    const form = useForm<WizardValues>({ defaultValues: { email: '', zipCode: '', city: '' } });
    const [step, setStep] = useState(1);
    return (
      <Form form={form} onSubmit={(values) => onSubmit(values, form)} aria-label="Checkout">
        <FormError />
        {step === 1 ? (
          <>
            <Field name="zipCode">
              <Label>Postcode</Label>
              <Input />
              <FieldError />
            </Field>
            <Field name="city">
              <Label>City</Label>
              <Input />
              <FieldError />
            </Field>
            <button type="button" onClick={() => setStep(2)}>
              Next
            </button>
          </>
        ) : (
          <>
            <Field name="email">
              <Label>Email</Label>
              <Input />
              <FieldError />
            </Field>
            <button type="button" onClick={() => setStep(1)}>
              Back
            </button>
            <Submit>Order</Submit>
          </>
        )}
      </Form>
    );
  }

  it('lists a detail for a field of an earlier step in the alert, focuses it, and shows it on the field once back', async () => {
    const user = userEvent.setup();
    render(
      <Wizard
        onSubmit={(_, form) =>
          applyServerError(form, {
            status: 400,
            message: 'The request failed validation.',
            details: [{ field: 'zipCode', message: 'Unknown postcode.' }],
          })
        }
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Order' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The request failed validation.');
    expect(within(alert).getByRole('listitem')).toHaveTextContent('Zip code: Unknown postcode.');
    await waitFor(() => expect(alert).toHaveFocus());

    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByLabelText('Postcode')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Postcode')).toHaveAccessibleDescription('Unknown postcode.');
  });

  it('lists every detail about a field the form does not render, each naming its field, translatable', async () => {
    const user = userEvent.setup();
    render(
      <MessagesProvider messages={{ 'fieldLabel.contactPhone': 'Telefon', 'form.fieldDetail': '{field} – {message}' }}>
        <TestForm
          onSubmit={(_, form) =>
            applyServerError(form, {
              status: 400,
              message: 'The request failed validation.',
              details: [
                { field: 'customerDetails.contactPhone', message: 'Not a phone number.' },
                { field: 'customerDetails.middleName', message: 'Too long.' },
                { field: 'customerDetails.middleName', message: 'Has digits.' },
                { message: 'Try again tomorrow.' },
              ],
            })
          }
        />
      </MessagesProvider>,
    );
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Telefon – Not a phone number.',
      'Middle name – Too long.',
      'Middle name – Has digits.',
      'Try again tomorrow.',
    ]);
    await waitFor(() => expect(alert).toHaveFocus());
  });

  it("maps nested API paths onto react-hook-form's dotted names", async () => {
    const user = userEvent.setup();
    function AddressesForm() {
      const form = useForm<{ addresses: { zipCode: string }[] }>({ defaultValues: { addresses: [{ zipCode: '' }] } });
      return (
        <Form
          form={form}
          onSubmit={() =>
            applyServerError(form, {
              status: 400,
              message: 'The request failed validation.',
              details: [
                { field: 'addresses[0].zipCode', message: 'Unknown postcode.' },
                { field: 'addresses[1].zipCode', message: 'Missing.' },
              ],
            })
          }
        >
          <FormError />
          <Field name="addresses.0.zipCode">
            <Label>Postcode</Label>
            <Input />
            <FieldError />
          </Field>
          <Submit>Save</Submit>
        </Form>
      );
    }
    render(<AddressesForm />);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const zipCode = screen.getByLabelText('Postcode');
    await waitFor(() => expect(zipCode).toHaveAccessibleDescription('Unknown postcode.'));
    expect(zipCode).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent('Zip code: Missing.');
  });
});

describe('focus after a submit', () => {
  it('moves to the form-level alert when no field shows the error', async () => {
    const user = userEvent.setup();
    render(<TestForm onSubmit={() => Promise.reject(Object.assign(new Error('Server down.'), { status: 503 }))} />);
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert).toHaveFocus());
    expect(alert).toHaveAttribute('tabindex', '-1');
  });

  it('stays on the submit button after a success', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<TestForm onSubmit={onSubmit} />);
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(screen.getByRole('button', { name: 'Save' })).toHaveFocus();
  });
});

describe('Checkbox, Select and Textarea', () => {
  it('registers a checkbox as a boolean and the other controls as strings', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const extraSchema = z.object({
      terms: z.literal(true),
      note: z.string().max(5),
      title: z.string(),
    });
    function ExtraForm() {
      const form = useForm({
        resolver: zodResolver(extraSchema, { error: formIssueMessages }),
        defaultValues: { terms: false as true, note: '', title: 'mr' },
      });
      return (
        <Form form={form} onSubmit={onSubmit}>
          <Field name="terms">
            <Checkbox />
            <Label>I accept the terms</Label>
            <FieldError />
          </Field>
          <Field name="note">
            <Label>Note</Label>
            <Textarea />
            <FieldError />
          </Field>
          <Field name="title">
            <Label>Title</Label>
            <Select>
              <option value="mr">Mr</option>
              <option value="ms">Ms</option>
            </Select>
          </Field>
          <Submit>Send</Submit>
        </Form>
      );
    }
    render(<ExtraForm />);
    await user.type(screen.getByLabelText('Note'), 'too long');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByLabelText('I accept the terms')).toHaveAccessibleDescription('This field is required.');
    expect(screen.getByLabelText('Note')).toHaveAccessibleDescription('Must be at most 5 characters.');

    await user.click(screen.getByLabelText('I accept the terms'));
    await user.clear(screen.getByLabelText('Note'));
    await user.type(screen.getByLabelText('Note'), 'hi');
    await user.selectOptions(screen.getByLabelText('Title'), 'ms');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ terms: true, note: 'hi', title: 'ms' }));
  });
});

describe('parts outside their parent', () => {
  function FormShell({ children }: { children: ReactNode }) {
    const form = useForm();
    return (
      <Form form={form} onSubmit={() => {}}>
        {children}
      </Form>
    );
  }

  it.each([
    ['<FieldError>', 'Field', <FieldError key="e" />],
    ['<Label>', 'Field', <Label key="l" />],
    ['<Input>', 'Field', <Input key="i" />],
    ['<Description>', 'Field', <Description key="d" />],
  ])('throws when %s is outside <%s>', (part, parent, element) => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<FormShell>{element}</FormShell>)).toThrow(
      `\`${part}\` must be used within \`<${parent}>\`.`,
    );
  });

  it.each([
    ['<Field>', <Field key="f" name="email" />],
    ['<Submit>', <Submit key="s" />],
    ['<FormError>', <FormError key="e" />],
  ])('throws when %s is outside <Form>', (part, element) => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(element)).toThrow(`\`${part}\` must be used within \`<Form>\`.`);
  });
});
