import { zodResolver } from '@hookform/resolvers/zod';
import { act, render, renderHook, screen, within } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  applyServerError,
  CurrencyOptions,
  useCountryChoices,
  useCurrencyChoices,
  useLanguageChoices,
  defaultMessages,
  Field,
  FieldError,
  Form,
  FormError,
  formIssueMessages,
  Input,
  Label,
  messageKey,
  Select,
  MessagesProvider,
  Submit,
  useMessages,
} from './index';
import type { MessageOverrides } from './index';

describe('useMessages', () => {
  it('translates keys, fills params, and passes unknown strings through', () => {
    const { result } = renderHook(() => useMessages());
    const t = result.current;
    expect(t('field.required')).toBe(defaultMessages['field.required']);
    expect(t('field.tooShort', { minimum: 8 })).toBe('Must be at least 8 characters.');
    expect(t(messageKey('field.tooShort', { minimum: 12 }))).toBe('Must be at least 12 characters.');
    expect(t('Customer with this email already exists.')).toBe('Customer with this email already exists.');
    expect(t('Are you sure? yes=1')).toBe('Are you sure? yes=1');
  });

  it('uses the nearest provider, inner keys overriding outer ones', () => {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <MessagesProvider messages={{ 'field.required': 'Pflichtfeld.', 'field.email': 'Ungültige E-Mail.' }}>
        <MessagesProvider messages={{ 'field.required': 'Bitte ausfüllen.', 'custom.hint': 'Hallo {name}.' }}>
          {children}
        </MessagesProvider>
      </MessagesProvider>
    );
    const { result } = renderHook(() => useMessages(), { wrapper });
    const t = result.current;
    expect(t('field.required')).toBe('Bitte ausfüllen.');
    expect(t('field.email')).toBe('Ungültige E-Mail.');
    expect(t('form.unknownError')).toBe(defaultMessages['form.unknownError']);
    expect(t('custom.hint', { name: 'Ada' })).toBe('Hallo Ada.');
  });
});

describe('server text that is a key of Object.prototype', () => {
  const prototypeKeys = ['constructor', '__proto__', 'hasOwnProperty', 'toString', 'valueOf', 'isPrototypeOf'];

  it.each(prototypeKeys)('translates %j to itself', (key) => {
    const { result } = renderHook(() => useMessages());
    expect(result.current(key)).toBe(key);
    expect(result.current(`${key}?a=1`)).toBe(`${key}?a=1`);
    expect(result.current('Hello {constructor}.', {})).toBe('Hello {constructor}.');
  });

  it('renders such messages of the server as text in the form and field errors', async () => {
    const user = userEvent.setup();
    function ServerForm() {
      const form = useForm({ defaultValues: { email: '' } });
      return (
        <Form
          form={form}
          onSubmit={() => {
            applyServerError(form, {
              status: 400,
              message: '__proto__',
              details: [
                { field: 'email', message: 'constructor' },
                { field: 'toString', message: 'hasOwnProperty' },
              ],
            });
          }}
        >
          <FormError />
          <Field name="email">
            <Label>Email</Label>
            <Input />
            <FieldError />
          </Field>
          <Submit>Send</Submit>
        </Form>
      );
    }
    render(<ServerForm />);
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByLabelText('Email')).toHaveAccessibleDescription('constructor');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('__proto__');
    expect(alert).toHaveTextContent('To string: hasOwnProperty');
  });
});

describe('choices for custom selects', () => {
  const inFrench = ({ children }: { children: ReactNode }) => (
    <MessagesProvider messages={{ 'choices.locale': 'fr' }}>{children}</MessagesProvider>
  );

  it("names the shop's codes in the messages' locale and keeps labels of its own", () => {
    const { result } = renderHook(() => useCountryChoices(['DE', { value: 'XX', label: 'Elsewhere' }]), { wrapper: inFrench });
    expect(result.current).toEqual([
      { value: 'DE', label: 'Allemagne' },
      { value: 'XX', label: 'Elsewhere' },
    ]);
    const currencies = renderHook(() => useCurrencyChoices(['EUR']), { wrapper: inFrench }).result.current;
    expect(currencies).toEqual([{ value: 'EUR', label: 'euro' }]);
  });

  it('lists languages by their two-letter code, as the API takes them, without deprecated aliases', () => {
    const { result } = renderHook(() => useLanguageChoices());
    const values = result.current.map((choice) => choice.value);
    expect(result.current).toContainEqual({ value: 'de', label: 'German' });
    expect(values.every((value) => /^[a-z]{2}$/.test(value))).toBe(true);
    expect(values).not.toContain('iw');
    const region = renderHook(() => useLanguageChoices(['en_US'])).result.current;
    expect(region).toEqual([{ value: 'en_US', label: 'English (United States)' }]);
  });

  it('renders the same options on the server and while hydrating — the current value by its code — then names them all', async () => {
    function CurrencyForm() {
      const form = useForm({ defaultValues: { currency: 'CHF' } });
      return (
        <Form form={form} onSubmit={() => {}}>
          <Field name="currency">
            <Label>Currency</Label>
            <Select>
              <CurrencyOptions />
            </Select>
          </Field>
        </Form>
      );
    }
    const html = renderToString(<CurrencyForm />);
    expect(html).toContain('<option value="CHF">CHF</option>');
    expect(html.match(/<option/g)).toHaveLength(1);

    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    const errors = vi.spyOn(console, 'error');
    const root = await act(async () => hydrateRoot(container, <CurrencyForm />));
    const select = within(container).getByLabelText<HTMLSelectElement>('Currency');
    expect(select.options.length).toBeGreaterThan(100);
    expect(select).toHaveDisplayValue('Swiss Franc');
    expect(errors).not.toHaveBeenCalled();
    act(() => root.unmount());
    container.remove();
  });

  it('renders options outside a form too, e.g. in a select of your own', () => {
    render(
      <select aria-label="Your currency" defaultValue="CHF">
        <CurrencyOptions choices={['EUR', 'CHF']} placeholder="Choose" />
      </select>,
    );
    expect(screen.getByLabelText('Your currency')).toHaveDisplayValue('Swiss Franc');
    expect([...screen.getByLabelText('Your currency').querySelectorAll('option')].map((option) => option.textContent)).toEqual([
      'Choose',
      'Euro',
      'Swiss Franc',
    ]);
  });
});

describe('formIssueMessages', () => {
  const schema = z.object({
    email: z.email(),
    name: z.string().min(1),
    password: z.string().min(8).max(64),
    code: z.string().length(6),
    terms: z.literal(true),
    country: z.enum(['DE', 'FR']),
    missing: z.string(),
    confirm: z.string().refine((value) => value === 'yes'),
    custom: z.string().refine((value) => value === 'yes', { message: 'password.mismatch' }),
  });

  function messagesFor(input: unknown): Record<string, string> {
    const result = schema.safeParse(input, { error: formIssueMessages });
    if (result.success) return {};
    return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
  }

  it('turns zod issues into message keys with params', () => {
    expect(
      messagesFor({
        email: 'nope',
        name: '',
        password: 'short',
        code: '123',
        terms: false,
        country: '',
        confirm: 'no',
        custom: 'no',
      }),
    ).toEqual({
      email: 'field.email',
      name: 'field.required',
      password: 'field.tooShort?minimum=8',
      code: 'field.length?length=6',
      terms: 'field.required',
      country: 'field.required',
      missing: 'field.required',
      confirm: 'field.invalid',
      custom: 'password.mismatch',
    });
    expect(messagesFor({ email: '', password: 'x'.repeat(65) })).toMatchObject({
      email: 'field.required',
      password: 'field.tooLong?maximum=64',
      country: 'field.required',
    });
  });

  it('is not installed globally', () => {
    const result = z.string().min(3).safeParse('a');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).not.toContain('field.');
  });
});

describe('messages in the form parts', () => {
  const schema = z.object({ password: z.string().min(8) });

  function PasswordForm({ messages }: { messages: MessageOverrides }) {
    const form = useForm({
      resolver: zodResolver(schema, { error: formIssueMessages }),
      defaultValues: { password: '' },
    });
    return (
      <MessagesProvider messages={messages}>
        <Form form={form} onSubmit={() => form.setError('root.server', { type: '401', message: 'login.invalidCredentials' })}>
          <FormError />
          <Field name="password">
            <Label>Passwort</Label>
            <Input type="password" />
            <FieldError />
          </Field>
          <Submit>Anmelden</Submit>
        </Form>
      </MessagesProvider>
    );
  }

  it('FieldError and FormError translate stored keys at render time', async () => {
    const user = userEvent.setup();
    render(
      <PasswordForm
        messages={{
          'field.tooShort': 'Mindestens {minimum} Zeichen.',
          'login.invalidCredentials': 'E-Mail oder Passwort ist falsch.',
        }}
      />,
    );
    await user.type(screen.getByLabelText('Passwort'), 'kurz');
    await user.click(screen.getByRole('button', { name: 'Anmelden' }));
    expect(await screen.findByText('Mindestens 8 Zeichen.')).toBeInTheDocument();
    expect(screen.getByLabelText('Passwort')).toHaveAccessibleDescription('Mindestens 8 Zeichen.');

    await user.type(screen.getByLabelText('Passwort'), ' genug');
    await user.click(screen.getByRole('button', { name: 'Anmelden' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('E-Mail oder Passwort ist falsch.');
  });
});
