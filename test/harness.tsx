/**
 * Shared test wiring: an MSW server on a fresh simulator per test, a client on it, and a render helper
 * with a fresh QueryClient — so every test starts from a clean tenant, cache and session.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, renderHook, type RenderOptions } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import type { ReactElement, ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createCustomerClient, type CustomerClient, type CustomerClientOptions } from '../src/api';
import { CustomerProvider, useSession } from '../src/hooks';
import { createEmporixSimulator, type EmporixSimulator, type EmporixSimulatorOptions } from '../src/testing';

export const server = setupServer();

let tenantCounter = 0;

/**
 * A tenant name no other test uses (3–16 lowercase letters and digits), so the clients of one test never
 * hear another test's cross-tab messages or read its stored session.
 */
export function uniqueTenant(prefix = 't'): string {
  tenantCounter += 1;
  return `${prefix}${Math.random().toString(36).slice(2, 8)}${tenantCounter}`;
}

/** What names a client's keys in the browser: its tenant, client id and API address. */
export type SimulatorAddress = Pick<EmporixSimulator, 'tenant' | 'clientId' | 'baseUrl'>;

/**
 * The prefix a client of this simulator gives its storage keys, locks and tab channel, as the persistence
 * guide documents it: `emporix-customer-react:<tenant>:<client id>:<API address>`.
 */
export function namesOf(sim: SimulatorAddress) {
  const prefix = `emporix-customer-react:${sim.tenant}:${sim.clientId}:${sim.baseUrl.replace(/\/+$/, '')}`;
  return {
    prefix,
    session: `${prefix}:session`,
    lock: (kind: 'anonymous' | 'customer') => `${prefix}:${kind}`,
    channel: prefix,
    socialLogin: `${prefix}:social-login`,
  };
}

/** The storage key of the session of a client of this simulator. */
export function sessionKey(sim: SimulatorAddress): string {
  return namesOf(sim).session;
}

/** Starts MSW for the file and gives each test a new simulator; read it inside tests via the getter. */
export function setupSimulator(options?: EmporixSimulatorOptions): () => EmporixSimulator {
  let simulator: EmporixSimulator | undefined;
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    simulator = createEmporixSimulator(options);
    server.use(...simulator.handlers);
  });
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return () => {
    if (!simulator) throw new Error('The simulator exists only inside a test.');
    return simulator;
  };
}

/** A client on the simulator; reads are not retried unless a test asks for it. */
export function createTestClient(
  simulator: EmporixSimulator,
  overrides: Partial<CustomerClientOptions> = {},
): CustomerClient {
  return createCustomerClient({
    tenant: simulator.tenant,
    clientId: simulator.clientId,
    baseUrl: simulator.baseUrl,
    retry: { retries: 0, delay: () => 0 },
    ...overrides,
  });
}

export function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

export function Providers({
  client,
  queryClient,
  children,
}: {
  client: CustomerClient;
  queryClient: QueryClient;
  children?: ReactNode;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <CustomerProvider client={client}>{children}</CustomerProvider>
    </QueryClientProvider>
  );
}

interface WithClient {
  client: CustomerClient;
  queryClient?: QueryClient;
}

function wrapperFor(client: CustomerClient, queryClient: QueryClient) {
  return ({ children }: { children?: ReactNode }) => (
    <Providers client={client} queryClient={queryClient}>
      {children}
    </Providers>
  );
}

/** Renders inside fresh providers; returns the query client too, for cache assertions. */
export function renderWithCustomer(
  ui: ReactElement,
  { client, queryClient = createTestQueryClient(), ...options }: WithClient & RenderOptions,
) {
  return { queryClient, ...render(ui, { wrapper: wrapperFor(client, queryClient), ...options }) };
}

/** `renderHook` inside fresh providers; returns the QueryClient too. */
export function renderCustomerHook<T>(hook: () => T, { client, queryClient = createTestQueryClient() }: WithClient) {
  return { queryClient, ...renderHook(hook, { wrapper: wrapperFor(client, queryClient) }) };
}

/**
 * Who the session belongs to (`anonymous` or `customer`), as text; found by `getByTestId('session')`. A
 * plain span: a `status` role would clash with the forms' own status messages in role queries.
 */
export function SessionStatus() {
  return <span data-testid="session">{useSession().status}</span>;
}

/** Renders `ui` with a fresh client on `simulator`, with the {@link SessionStatus} after it. */
export function renderWithSession(ui: ReactElement, simulator: EmporixSimulator) {
  const client = createTestClient(simulator);
  return {
    user: userEvent.setup(),
    client,
    ...renderWithCustomer(
      <>
        {ui}
        <SessionStatus />
      </>,
      { client },
    ),
  };
}
