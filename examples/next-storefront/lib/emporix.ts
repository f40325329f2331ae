/**
 * The storefront's Emporix settings and its proxy, on the server only. Two environment settings point it at
 * a real tenant; without them it runs on the built-in simulator, which `instrumentation.ts` starts in this
 * server process before the first request.
 */
import { createCustomerProxy, DEFAULT_PROXY_BASE_PATH, type CustomerProxy } from 'emporix-customer-react/server';
import type { EmporixSimulator } from 'emporix-customer-react/testing';

/** Where the route handler `app/api/emporix/[...path]/route.ts` is mounted; the browser client calls it. */
export const PROXY_PATH = DEFAULT_PROXY_BASE_PATH;

export interface StorefrontSettings {
  tenant: string;
  clientId: string;
  /** The API address: the production API, or the simulator's (its requests never leave this process). */
  baseUrl: string | undefined;
  /** The simulator, when no tenant is configured. */
  simulator: EmporixSimulator | undefined;
}

const SIMULATOR = Symbol.for('next-storefront.simulator');

/** The simulator `instrumentation.ts` started (one per server process, shared by every route). */
export function runningSimulator(): EmporixSimulator | undefined {
  return (globalThis as { [SIMULATOR]?: EmporixSimulator })[SIMULATOR];
}

export function keepSimulator(simulator: EmporixSimulator): void {
  (globalThis as { [SIMULATOR]?: EmporixSimulator })[SIMULATOR] = simulator;
}

export function storefrontSettings(): StorefrontSettings {
  const tenant = process.env.EMPORIX_TENANT;
  const clientId = process.env.EMPORIX_CLIENT_ID;
  if (tenant && clientId) return { tenant, clientId, baseUrl: undefined, simulator: undefined };
  const simulator = runningSimulator();
  if (!simulator) throw new Error('Set EMPORIX_TENANT and EMPORIX_CLIENT_ID, or let instrumentation.ts start the simulator.');
  return { tenant: simulator.tenant, clientId: simulator.clientId, baseUrl: simulator.baseUrl, simulator };
}

let proxy: CustomerProxy | undefined;

/** The proxy: stateless, so one for the process (every request acts with its own cookies only). */
export function emporixProxy(): CustomerProxy {
  if (!proxy) {
    const { tenant, clientId, baseUrl } = storefrontSettings();
    proxy = createCustomerProxy({ tenant, clientId, ...(baseUrl ? { baseUrl } : {}), basePath: PROXY_PATH });
  }
  return proxy;
}
