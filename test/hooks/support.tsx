/**
 * Wiring for the hook tests: a fresh simulator per test on a tenant of its own (so clients of one test
 * never hear another test's cross-tab messages), clients disposed after each test, the browser back
 * online, and render helpers with a fresh QueryClient.
 */
import { onlineManager } from '@tanstack/react-query';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { CustomerClient, CustomerClientOptions } from '../../src/api';
import {
  createEmporixSimulator,
  simulatorDefaults,
  type EmporixSimulator,
  type EmporixSimulatorOptions,
  type SimulatorAddressSeed,
  type SimulatorCustomerSeed,
  type SimulatorOperation,
} from '../../src/testing';
import { createTestClient, server, uniqueTenant } from '../harness';

export interface HookTestSetup {
  sim(): EmporixSimulator;
  /** A client on this test's simulator, disposed after the test. */
  client(overrides?: Partial<CustomerClientOptions>): CustomerClient;
}

export function setupHookTests(options: EmporixSimulatorOptions = {}): HookTestSetup {
  let simulator: EmporixSimulator | undefined;
  let clients: CustomerClient[] = [];

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    simulator = createEmporixSimulator({ tenant: uniqueTenant('h'), ...options });
    server.use(...simulator.handlers);
  });
  afterEach(() => {
    for (const client of clients) client.dispose();
    clients = [];
    onlineManager.setOnline(true);
    server.resetHandlers();
  });
  afterAll(() => server.close());

  const sim = () => {
    if (!simulator) throw new Error('The simulator exists only inside a test.');
    return simulator;
  };
  return {
    sim,
    client(overrides = {}) {
      const client = createTestClient(sim(), overrides);
      clients.push(client);
      return client;
    },
  };
}

export { renderCustomerHook, renderWithCustomer } from '../harness';

export const shopper = { email: simulatorDefaults.email, password: simulatorDefaults.password };

/** Two addresses, the first the default, for address-book tests. */
export const twoAddresses: SimulatorAddressSeed[] = [
  {
    id: 'home',
    contactName: 'Jane Doe',
    street: 'Main St',
    streetNumber: '1',
    zipCode: '10115',
    city: 'Berlin',
    country: 'DE',
    isDefault: true,
    tags: ['SHIPPING'],
  },
  {
    id: 'office',
    contactName: 'Jane Doe',
    companyName: 'Acme',
    street: 'Work Rd',
    streetNumber: '9',
    zipCode: '14467',
    city: 'Potsdam',
    country: 'DE',
  },
];

/** Seeds a customer and returns their credentials. */
export function seedShopper(
  sim: EmporixSimulator,
  seed: Omit<SimulatorCustomerSeed, 'password'> & { password?: string },
) {
  const password = seed.password ?? 'secret-pass-1';
  const id = sim.seedCustomer({ ...seed, password });
  return { id, email: seed.email, password };
}

/** How many requests of these operations the simulator answered. */
export function countOf(sim: EmporixSimulator, ...operations: SimulatorOperation[]): number {
  return operations.reduce((sum, operation) => sum + sim.requestCount(operation), 0);
}

/** Requests that read or write customer data (everything but token and session housekeeping). */
export const DATA_READS: SimulatorOperation[] = ['getCustomer', 'listAddresses', 'getAddress', 'validateToken'];

/** Resolves after every timer and microtask queued so far has run (lets pending fetches start or settle). */
export function tick(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
