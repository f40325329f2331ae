/**
 * The built-in Emporix simulator as this server's upstream: MSW intercepts the proxy's (and the server
 * rendering's) calls to the API in this process and answers them from an in-memory tenant. Mails link to
 * this app's pages; the dev inbox (`/dev/inbox`) lists them.
 */
import { setupServer } from 'msw/node';
import { createEmporixSimulator, simulatorDefaults } from 'emporix-customer-react/testing';
import { keepSimulator, runningSimulator } from './emporix';

export function startSimulator(): void {
  if (runningSimulator()) return;
  const simulator = createEmporixSimulator({
    mailLinks: { emailChange: '/email/confirm?token={token}' },
    // The seeded shopper buys for two companies, so the account page offers to switch between them.
    legalEntities: {
      [simulatorDefaults.email]: [
        { id: 'LE-ACME', name: 'Acme Retail GmbH' },
        { id: 'LE-GLOBEX', name: 'Globex Trading AG' },
      ],
    },
  });
  setupServer(...simulator.handlers).listen({ onUnhandledRequest: 'bypass' });
  keepSimulator(simulator);
}
