/**
 * The stories of the styling guide. `ComposedLogin` is the sample the guide shows (`examples/composed-login.tsx`);
 * Storybook resolves the package name it imports to the same sources as the stories.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { LoginForm } from '../src/components/login-form';
import { simulatorDefaults } from '../src/testing';
import { ComposedLogin } from './examples/composed-login';
import css from './examples/login-form.css?raw';

const RED = 'rgb(185, 28, 28)'; // #b91c1c
const GREY = 'rgb(82, 96, 109)'; // #52606d
const GREEN = 'rgb(4, 120, 87)'; // #047857

const meta = {
  title: 'Guides/Styling headless parts',
  component: LoginForm,
  // This page is the MDX guide attached to these stories, not an autodocs page.
  tags: ['!autodocs'],
  // The guide shows two of these stories on one page: no simulator panel beside each.
  parameters: { sessionPanel: false, look: false },
  render: (args) => (
    <>
      <style>{css}</style>
      <LoginForm className="shop-login" {...args} />
    </>
  ),
} satisfies Meta<typeof LoginForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The default rendering of `<LoginForm>`, styled by `login-form.css` through its `data-*` attributes only. */
export const PlainCss: Story = {
  play: async ({ canvas, userEvent }) => {
    const email = canvas.getByLabelText('Email');
    await expect(getComputedStyle(email).borderTopColor).toBe(GREY);

    await userEvent.click(canvas.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(email).toHaveAttribute('data-invalid'));
    await expect(getComputedStyle(email).borderTopColor).toBe(RED);
    await expect(getComputedStyle(canvas.getByText('Email', { selector: 'label' })).color).toBe(RED);
    await expect(getComputedStyle(canvas.getAllByText('This field is required.')[0] as HTMLElement).color).toBe(RED);

    // Fixing the value clears the error; once the field is left it shows as touched and valid.
    await userEvent.type(email, simulatorDefaults.email);
    await userEvent.tab();
    await waitFor(() => expect(getComputedStyle(email).borderTopColor).toBe(GREEN));
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
    await expect(getComputedStyle(email).borderTopColor).toBe(RED);
    await expect(getComputedStyle(message).color).toBe(RED);

    await userEvent.type(email, simulatorDefaults.email);
    await userEvent.type(canvas.getByLabelText('Password'), 'not-my-password');
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));

    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('The email or password is incorrect.');
    await expect(getComputedStyle(alert).color).toBe('rgb(153, 27, 27)'); // #991b1b
  },
};
