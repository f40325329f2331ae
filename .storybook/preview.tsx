import type { Decorator, Loader, Preview } from '@storybook/react-vite';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { useState, type ReactNode } from 'react';
import { createCustomerClient } from '../src/api';
import { CustomerProvider } from '../src/hooks';
import { SessionPanel } from './session-panel';
import { createEmporixSimulator, type EmporixSimulator, type EmporixSimulatorOptions } from '../src/testing';
// The optional look, as an app imports it; it styles only what is inside `.emporix` (see `withLook`).
import 'emporix-customer-react/styles.css';

/** Every story gets a simulator of its own: `parameters.simulator` configures it, `loaded.simulator` reaches it. */
const simulatorLoader: Loader = (context) => ({
  simulator: createEmporixSimulator(context.parameters.simulator as EmporixSimulatorOptions | undefined),
});

/** A fresh query cache and a client on the story's simulator (tokens in memory, so stories never share a session). */
function StoryProviders({
  simulator,
  showPanel,
  children,
}: {
  simulator: EmporixSimulator;
  showPanel: boolean;
  children: ReactNode;
}) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  const [client] = useState(() =>
    createCustomerClient({
      tenant: simulator.tenant,
      clientId: simulator.clientId,
      baseUrl: simulator.baseUrl,
      persistence: 'memory',
      retry: { retries: 0, delay: () => 0 },
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <CustomerProvider client={client}>
        {children}
        {showPanel && <SessionPanel client={client} simulator={simulator} />}
      </CustomerProvider>
    </QueryClientProvider>
  );
}

const withCustomer: Decorator = (Story, context) => (
  <StoryProviders
    simulator={context.loaded.simulator as EmporixSimulator}
    showPanel={context.parameters.sessionPanel !== false}
  >
    <Story />
  </StoryProviders>
);

/**
 * Stories render inside `.emporix`, so they show the optional stylesheet's look. `parameters.look: false`
 * leaves a story unstyled (the styling guide's own examples bring their CSS).
 */
const withLook: Decorator = (Story, context) =>
  context.parameters.look === false ? (
    <Story />
  ) : (
    <div className="emporix">
      <Story />
    </div>
  );

const preview: Preview = {
  loaders: [mswLoader(), simulatorLoader],
  beforeEach({ msw, loaded }) {
    msw.use(...(loaded.simulator as EmporixSimulator).handlers);
  },
  decorators: [withLook, withCustomer],
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};

export default preview;
