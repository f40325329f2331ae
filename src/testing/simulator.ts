/** `createEmporixSimulator`: MSW handlers over an in-memory Emporix tenant, plus test controls. */
import { DEFAULT_EXCHANGE_CONFIGS, DEFAULT_TOKEN_LIFETIMES, simulatorDefaults } from './constants';
import { FaultQueue } from './faults';
import { addressOperations } from './handlers/addresses';
import { credentialOperations } from './handlers/credentials';
import { toHandler } from './handlers/operation';
import { profileOperations } from './handlers/profile';
import { sessionOperations } from './handlers/session';
import { signupOperations } from './handlers/signup';
import { defaultSeed, sameEmail } from './records';
import { RequestLog } from './request-log';
import type { Runtime, SimulatorConfig } from './runtime';
import { TenantState } from './tenant-state';
import { TokenStore } from './token-store';
import type { EmporixSimulator, EmporixSimulatorOptions, SimulatorCustomerSeed, SimulatorLegalEntity } from './types';

const ALL_OPERATIONS = [
  ...sessionOperations,
  ...signupOperations,
  ...profileOperations,
  ...addressOperations,
  ...credentialOperations,
];

function resolveConfig(options: EmporixSimulatorOptions): SimulatorConfig {
  return {
    tenant: options.tenant ?? simulatorDefaults.tenant,
    clientId: options.clientId ?? simulatorDefaults.clientId,
    baseUrl: (options.baseUrl ?? simulatorDefaults.baseUrl).replace(/\/+$/, ''),
    lifetimes: { ...DEFAULT_TOKEN_LIFETIMES, ...options.lifetimes },
    now: options.now ?? (() => Date.now()),
    exchangeConfigs: [...(options.exchangeConfigs ?? DEFAULT_EXCHANGE_CONFIGS)],
  };
}

function entitiesFor(email: string, byEmail: Record<string, SimulatorLegalEntity[]> = {}): SimulatorLegalEntity[] {
  return Object.entries(byEmail).flatMap(([key, entities]) => (sameEmail(key, email) ? entities : []));
}

/** A fresh tenant holding the seeded customers. */
function seededState(config: SimulatorConfig, options: EmporixSimulatorOptions): TenantState {
  const state = new TenantState(config.tenant, config.now);
  const seeds: SimulatorCustomerSeed[] = options.customers ?? [defaultSeed(simulatorDefaults.email, simulatorDefaults.password)];
  for (const seed of seeds) state.seed(seed, entitiesFor(seed.email, options.legalEntities));
  return state;
}

export function createEmporixSimulator(options: EmporixSimulatorOptions = {}): EmporixSimulator {
  const config = resolveConfig(options);
  const runtime: Runtime = {
    config,
    state: seededState(config, options),
    tokens: new TokenStore(config.now, config.lifetimes),
    faults: new FaultQueue(),
    log: new RequestLog(),
    latencyMs: options.latencyMs ?? 0,
    doubleOptIn: options.doubleOptIn ?? false,
  };

  return {
    handlers: ALL_OPERATIONS.map((spec) => toHandler(runtime, spec)),
    tenant: config.tenant,
    clientId: config.clientId,
    baseUrl: config.baseUrl,
    seedCustomer: (seed) => runtime.state.seed(seed, entitiesFor(seed.email, options.legalEntities)),
    getCustomer: (idOrEmail) => runtime.state.snapshot(idOrEmail),
    outbox: () => runtime.state.outbox(),
    lastMail: (kind, to) => runtime.state.lastMail(kind, to),
    expireTokens: (kind = 'all') => runtime.tokens.expireAccess(kind),
    revokeRefreshTokens: (kind = 'all') => runtime.tokens.revokeRefresh(kind),
    setLatency: (ms) => {
      runtime.latencyMs = Math.max(0, ms);
    },
    failNext: (faultOptions) => runtime.faults.add(faultOptions),
    setDoubleOptIn: (enabled) => {
      runtime.doubleOptIn = enabled;
    },
    get requests() {
      return runtime.log.all();
    },
    requestCount: (operation) => runtime.log.count(operation),
    issueSocialCode: (email, codeOptions) => runtime.state.issueSocialCode(email, codeOptions),
    issueSubjectToken: (email) => runtime.state.issueSubjectToken(email),
    reset: () => {
      runtime.state = seededState(config, options);
      runtime.tokens = new TokenStore(config.now, config.lifetimes);
      runtime.faults.clear();
      runtime.log.clear();
      runtime.latencyMs = options.latencyMs ?? 0;
      runtime.doubleOptIn = options.doubleOptIn ?? false;
    },
  };
}
