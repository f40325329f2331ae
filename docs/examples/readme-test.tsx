// login.test.tsx: Vitest with environment 'jsdom' and @testing-library/jest-dom; npm i -D msw
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { CustomerProvider, LoginForm, useSession } from 'emporix-customer-react';
import { createCustomerClient } from 'emporix-customer-react/api';
import { createEmporixSimulator } from 'emporix-customer-react/testing';

const simulator = createEmporixSimulator(); // tenant 'demoshop', client id 'demo-client-id', one shopper
const server = setupServer(...simulator.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => simulator.reset());
afterAll(() => server.close());

function SessionStatus() {
  return <output aria-label="session">{useSession().status}</output>;
}

it('logs the seeded shopper in', async () => {
  // Points the client at the simulator: its tenant, client id and base URL; tokens in memory.
  const client = createCustomerClient({
    tenant: simulator.tenant,
    clientId: simulator.clientId,
    baseUrl: simulator.baseUrl,
    persistence: 'memory',
  });
  render(
    <QueryClientProvider client={new QueryClient()}>
      <CustomerProvider client={client}>
        <LoginForm />
        <SessionStatus />
      </CustomerProvider>
    </QueryClientProvider>,
  );
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Email'), 'jane.doe@example.com');
  await user.type(screen.getByLabelText('Password'), 'correct-horse');
  await user.click(screen.getByRole('button', { name: 'Log in' }));
  await waitFor(() => expect(screen.getByLabelText('session')).toHaveTextContent('customer'));
});
