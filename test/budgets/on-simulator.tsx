/**
 * Wiring the budget measurements share: each one runs on a fresh simulator of its own tenant, inside fresh
 * providers, and leaves nothing behind (DOM, clients, handlers, storage), so they can run one after the
 * other in one file — the bench's — as well as one per test.
 */
import type { QueryClient } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterAll, beforeAll } from 'vitest';
import { createTestClient, createTestQueryClient, Providers, server, uniqueTenant } from '../harness';
import { tick } from '../hooks/support';
import type { CustomerClient, CustomerClientOptions } from '../../src/api';
import { createEmporixSimulator, type EmporixSimulator } from '../../src/testing';

/** Starts MSW for the file (`onUnhandledRequest: 'error'`: a request no simulator answers fails loudly). */
export function setupBudgetServer(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
}

export type NewClient = (overrides?: Partial<CustomerClientOptions>) => CustomerClient;

/** Runs a measurement on a fresh simulator (own tenant: no broadcast or stored session of another one leaks in). */
export async function onSimulator<T>(
  run: (sim: EmporixSimulator, newClient: NewClient) => Promise<T>,
  { latencyMs = 0 } = {},
): Promise<T> {
  const sim = createEmporixSimulator({ tenant: uniqueTenant('b'), latencyMs });
  const clients: CustomerClient[] = [];
  server.use(...sim.handlers);
  try {
    return await run(sim, (overrides) => {
      const client = createTestClient(sim, overrides);
      clients.push(client);
      return client;
    });
  } finally {
    cleanup();
    for (const client of clients) client.dispose();
    server.resetHandlers();
    localStorage.clear();
    sessionStorage.clear();
  }
}

/**
 * Renders `ui` inside fresh providers and returns their QueryClient. No `<StrictMode>`: it mounts twice in
 * development only, and the budgets are about what an app costs in production (test/strict-mode proves
 * StrictMode adds no token or data request).
 */
export function renderInProviders(ui: ReactElement, client: CustomerClient): QueryClient {
  const queryClient = createTestQueryClient();
  render(
    <Providers client={client} queryClient={queryClient}>
      {ui}
    </Providers>,
  );
  return queryClient;
}

/** Waits until no query or mutation runs, twice in a row 15 ms apart (so follow-up requests have started). */
export async function settle(queryClient: QueryClient): Promise<void> {
  for (let quiet = 0; quiet < 2; ) {
    await tick(15);
    if (queryClient.isFetching() === 0 && queryClient.isMutating() === 0) quiet += 1;
    else quiet = 0;
  }
}
