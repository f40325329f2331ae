/**
 * The stories of the styling guide (04-styling-headless-parts.md): the samples it shows, each checked in a real
 * browser for the look it claims. Storybook resolves the package name the samples import to the same sources
 * as the stories. `npm run docs:screenshots` takes the guide's pictures from these stories.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { LoginForm } from '../src/components/login-form';
import { simulatorDefaults } from '../src/testing';
import { ComposedLogin } from './examples/composed-login';
import css from './examples/login-form.css?raw';
import { ShadcnLogin } from './examples/shadcn-login';
import { TailwindLogin } from './examples/tailwind-login';
import { ThemedLogin } from './examples/themed-login';
import './examples/tailwind.css';

const RED = 'rgb(185, 28, 28)'; // #b91c1c
const GREY = 'rgb(82, 96, 109)'; // #52606d
const GREEN = 'rgb(4, 120, 87)'; // #047857
const BLUE = 'rgb(29, 78, 216)'; // #1d4ed8, the stylesheet's accent
const PINK = 'rgb(157, 23, 77)'; // #9d174d, the custom theme's accent
const AMBER = 'rgb(180, 83, 9)'; // #b45309, the custom theme's danger colour

const meta = {
  title: 'Guides/Styling headless parts',
  component: LoginForm,
  // The guide itself is a Markdown page; these are its live samples.
  tags: ['!autodocs'],
  // Each sample brings its own look: no `.emporix` scope from the preview, no simulator panel.
  parameters: { sessionPanel: false, look: false },
} satisfies Meta<typeof LoginForm>;

export default meta;
type Story = StoryObj<typeof meta>;

const style = (element: Element) => getComputedStyle(element);

/** The default `<LoginForm>` inside `.emporix`, with the optional stylesheet (`emporix-customer-react/styles.css`). */
export const Stylesheet: Story = {
  render: (args) => (
    <div className="emporix">
      <LoginForm {...args} />
    </div>
  ),
  play: async ({ canvas, userEvent }) => {
    const submit = canvas.getByRole('button', { name: 'Log in' });
    await expect(style(submit).backgroundColor).toBe(BLUE);
    const email = canvas.getByLabelText('Email');
    await userEvent.click(submit);
    await waitFor(() => expect(email).toHaveAttribute('data-invalid'));
    await expect(style(email).borderTopColor).toBe(RED);
    await expect(style(canvas.getByText('Email', { selector: 'label' })).color).toBe(RED);
  },
};

/** The same, themed through the stylesheet's custom properties (`custom-theme.css`). */
export const StylesheetWithTheme: Story = {
  render: () => <ThemedLogin />,
  play: async ({ canvas, userEvent }) => {
    const submit = canvas.getByRole('button', { name: 'Log in' });
    await expect(style(submit).backgroundColor).toBe(PINK);
    await expect(style(submit).borderTopLeftRadius).toBe('0px');
    await expect(style(submit).fontFamily).toMatch(/^Georgia/);
    await userEvent.click(submit);
    const email = canvas.getByLabelText('Email');
    await waitFor(() => expect(email).toHaveAttribute('data-invalid'));
    await expect(style(email).borderTopColor).toBe(AMBER);
  },
};

/** Dark, with `data-theme="dark"` on the scope. */
export const StylesheetDark: Story = {
  render: (args) => (
    <div className="emporix" data-theme="dark" style={{ background: '#10151f', padding: '1rem' }}>
      <LoginForm {...args} />
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(style(canvas.getByLabelText('Email')).backgroundColor).toBe('rgb(27, 34, 48)'); // #1b2230
    await expect(style(canvas.getByText('Email', { selector: 'label' })).color).toBe('rgb(228, 231, 235)'); // #e4e7eb
  },
};

/** Outside `.emporix` the stylesheet does nothing, although it is loaded: the components stay headless. */
export const StylesheetOutsideItsScope: Story = {
  render: (args) => <LoginForm {...args} />,
  play: async ({ canvas }) => {
    await expect(document.querySelector('.emporix')).toBeNull();
    const submit = canvas.getByRole('button', { name: 'Log in' });
    await expect(style(submit).backgroundColor).not.toBe(BLUE);
    await expect(style(canvas.getByLabelText('Email')).borderTopLeftRadius).not.toBe('8px');
  },
};

/** The default rendering of `<LoginForm>`, styled by `login-form.css` through its `data-*` attributes only. */
export const PlainCss: Story = {
  render: (args) => (
    <>
      <style>{css}</style>
      <LoginForm className="shop-login" {...args} />
    </>
  ),
  play: async ({ canvas, userEvent }) => {
    const email = canvas.getByLabelText('Email');
    await expect(style(email).borderTopColor).toBe(GREY);

    await userEvent.click(canvas.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(email).toHaveAttribute('data-invalid'));
    await expect(style(email).borderTopColor).toBe(RED);
    await expect(style(canvas.getByText('Email', { selector: 'label' })).color).toBe(RED);
    await expect(style(canvas.getAllByText('This field is required.')[0] as HTMLElement).color).toBe(RED);

    // Fixing the value clears the error; once the field is left it shows as touched and valid.
    await userEvent.type(email, simulatorDefaults.email);
    await userEvent.tab();
    await waitFor(() => expect(style(email).borderTopColor).toBe(GREEN));
  },
};

/** Composed from the parts, with a design-system input wired through `asChild`; the same CSS applies. */
export const ComposedWithAsChild: Story = {
  render: () => (
    <>
      <style>{css}</style>
      <ComposedLogin />
    </>
  ),
  play: async ({ canvas, userEvent }) => {
    const email = canvas.getByLabelText('Email address');
    await expect(email).toHaveClass('ds-input');

    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(email).toHaveAccessibleDescription('This field is required.'));
    const message = canvas.getByText('This field is required.', { selector: 'small' });
    await expect(style(email).borderTopColor).toBe(RED);
    await expect(style(message).color).toBe(RED);

    await userEvent.type(email, simulatorDefaults.email);
    await userEvent.type(canvas.getByLabelText('Password'), 'not-my-password');
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));

    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('We could not log you in with this email and password.');
    await expect(style(alert).color).toBe('rgb(153, 27, 27)'); // #991b1b
  },
};

/** Tailwind classes on the parts; its `data-[invalid]:` variants follow the field's state. */
export const Tailwind: Story = {
  render: () => <TailwindLogin />,
  play: async ({ canvas, canvasElement, userEvent }) => {
    const email = canvas.getByLabelText('Email');
    // Tailwind's colours, read from elements that carry the plain utility classes.
    const probe = (className: string) => {
      const element = document.createElement('span');
      element.className = className;
      canvasElement.append(element);
      const color = style(element).borderTopColor;
      element.remove();
      return color;
    };
    await expect(style(email).borderTopColor).toBe(probe('border-2 border-slate-500'));
    await userEvent.click(canvas.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(email).toHaveAttribute('data-invalid'));
    await expect(style(email).borderTopColor).toBe(probe('border-2 border-red-700'));
  },
};

/** shadcn/ui-style components (`examples/ui`) given the wiring through `asChild`. */
export const ShadcnComponents: Story = {
  render: () => <ShadcnLogin />,
  play: async ({ canvas, canvasElement, userEvent }) => {
    // The label found the shadcn-style input: `<Label asChild>` and `<Input asChild>` wired them together.
    const email = canvas.getByLabelText('Email');
    await expect(email).toHaveClass('rounded-md');
    const pristine = style(email).borderTopColor;
    await userEvent.click(canvas.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    await expect(email).toHaveAccessibleDescription('This field is required.');
    // The component's own `aria-invalid:` styles take over.
    const probe = document.createElement('span');
    probe.className = 'border aria-invalid:border-red-600';
    probe.setAttribute('aria-invalid', 'true');
    canvasElement.append(probe);
    await expect(style(email).borderTopColor).toBe(style(probe).borderTopColor);
    await expect(style(email).borderTopColor).not.toBe(pristine);
    probe.remove();
  },
};
