// login-page.stories.tsx
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { LoginForm } from 'emporix-customer-react';
import { simulatorDefaults } from 'emporix-customer-react/testing';
import { simulator } from './storybook-preview'; // '../.storybook/preview' in your project

const meta = { title: 'Account/Login', component: LoginForm } satisfies Meta<typeof LoginForm>;
export default meta;
type Story = StoryObj<typeof meta>;

export const ServerDown: Story = {
  // Runs after the preview's beforeEach has reset the simulator.
  beforeEach() {
    simulator.failNext({ with: 503, match: { method: 'POST', path: '/login' } });
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Email'), simulatorDefaults.email);
    await userEvent.type(canvas.getByLabelText('Password'), simulatorDefaults.password);
    await userEvent.click(canvas.getByRole('button', { name: 'Log in' }));
    await expect(await canvas.findByRole('alert')).toBeVisible();
  },
};

export const SlowNetwork: Story = {
  beforeEach() {
    simulator.setLatency(1500);
  },
};
