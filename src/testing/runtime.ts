/** The mutable simulator instance every handler reads at request time (reset swaps its parts). */
import type { FaultQueue } from './faults';
import type { RequestLog } from './request-log';
import type { StoredTenant } from './stored-tenant';
import type { TenantState } from './tenant-state';
import type { TokenStore } from './token-store';
import type { SimulatorActivation, SimulatorUndocumented, TokenLifetimes } from './types';

export interface SimulatorConfig {
  readonly tenant: string;
  readonly clientId: string;
  /** Without a trailing slash. */
  readonly baseUrl: string;
  readonly lifetimes: TokenLifetimes;
  readonly now: () => number;
  readonly exchangeConfigs: readonly string[];
}

export interface Runtime {
  readonly config: SimulatorConfig;
  state: TenantState;
  tokens: TokenStore;
  readonly faults: FaultQueue;
  readonly log: RequestLog;
  latencyMs: number;
  /** How accounts created now become active. */
  activation: SimulatorActivation;
  /** How situations no source documents are answered. */
  undocumented: SimulatorUndocumented;
  /** Set with the `persist` option: read before and written after each request. */
  readonly store?: StoredTenant | undefined;
}
