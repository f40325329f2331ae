/** `createEmporixSimulator`: MSW handlers over an in-memory Emporix tenant, plus test controls. */
import {
  DEFAULT_EXCHANGE_CONFIGS,
  DEFAULT_TOKEN_LIFETIMES,
  DEFAULT_UNDOCUMENTED,
  simulatorDefaults,
  UNDOCUMENTED_CHOICES,
} from './constants';
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
import { StoredTenant } from './stored-tenant';
import { TenantState } from './tenant-state';
import { TokenStore } from './token-store';
import type {
  EmporixSimulator,
  EmporixSimulatorOptions,
  SimulatorActivation,
  SimulatorCustomerSeed,
  SimulatorLegalEntity,
  SimulatorMail,
  SimulatorUndocumented,
} from './types';

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

const ACTIVATIONS: readonly SimulatorActivation[] = ['immediate', 'doubleOptIn', 'employee'];

function checkedActivation(mode: SimulatorActivation): SimulatorActivation {
  if (!ACTIVATIONS.includes(mode)) throw new Error(`Simulator: activation must be one of ${ACTIVATIONS.join(', ')}.`);
  return mode;
}

function initialActivation(options: EmporixSimulatorOptions): SimulatorActivation {
  return checkedActivation(options.activation ?? (options.doubleOptIn ? 'doubleOptIn' : 'immediate'));
}

/** `current` with `changes` applied; a setting or answer the simulator does not know is a mistake in the test. */
function withSettings(current: SimulatorUndocumented, changes: Partial<SimulatorUndocumented> = {}): SimulatorUndocumented {
  const next = { ...current };
  for (const [key, value] of Object.entries(changes) as [keyof SimulatorUndocumented, string][]) {
    const choices: readonly string[] | undefined = UNDOCUMENTED_CHOICES[key];
    if (!choices) throw new Error(`Simulator: there is no undocumented setting '${key}'.`);
    if (!choices.includes(value)) throw new Error(`Simulator: undocumented.${key} must be one of ${choices.join(', ')}.`);
    Object.assign(next, { [key]: value });
  }
  return next;
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

/** The mail with its `link`, when the options have a template for its kind. */
function withLink(mail: SimulatorMail, templates: EmporixSimulatorOptions['mailLinks']): SimulatorMail {
  const template = templates?.[mail.kind];
  return template === undefined ? mail : { ...mail, link: template.replaceAll('{token}', encodeURIComponent(mail.token)) };
}

/**
 * An Emporix Customer Service (customer-managed) simulator: MSW request handlers over an in-memory tenant,
 * with controls to seed customers, read the mails it would have sent, expire or revoke tokens, add latency
 * and inject faults. Give `handlers` to MSW's `setupServer` (tests) or `setupWorker` (Storybook, demos), and
 * point a client at its `tenant`, `clientId` and `baseUrl`.
 *
 * @example
 * ```ts
 * const simulator = createEmporixSimulator({ doubleOptIn: true });
 * const server = setupServer(...simulator.handlers);
 * const client = createCustomerClient({ tenant: simulator.tenant, clientId: simulator.clientId, baseUrl: simulator.baseUrl });
 * ```
 */
export function createEmporixSimulator(options: EmporixSimulatorOptions = {}): EmporixSimulator {
  const config = resolveConfig(options);
  const { persist } = options;
  const runtime: Runtime = {
    config,
    state: seededState(config, options),
    tokens: new TokenStore(config.now, config.lifetimes),
    faults: new FaultQueue(),
    log: new RequestLog(),
    latencyMs: options.latencyMs ?? 0,
    activation: initialActivation(options),
    undocumented: withSettings(DEFAULT_UNDOCUMENTED, options.undocumented),
    store: persist && new StoredTenant(persist.storage, persist.key ?? `emporix-simulator:${config.tenant}`, config),
  };
  /** A control on the tenant: with `persist`, on the stored one. */
  const onTenant = <T>(control: () => T): T => {
    runtime.store?.load(runtime);
    const result = control();
    runtime.store?.save(runtime);
    return result;
  };

  return {
    handlers: ALL_OPERATIONS.map((spec) => toHandler(runtime, spec)),
    tenant: config.tenant,
    clientId: config.clientId,
    baseUrl: config.baseUrl,
    seedCustomer: (seed) => onTenant(() => runtime.state.seed(seed, entitiesFor(seed.email, options.legalEntities))),
    getCustomer: (idOrEmail) => onTenant(() => runtime.state.snapshot(idOrEmail)),
    outbox: () => onTenant(() => runtime.state.outbox().map((mail) => withLink(mail, options.mailLinks))),
    lastMail: (kind, to) =>
      onTenant(() => {
        const mail = runtime.state.lastMail(kind, to);
        return mail && withLink(mail, options.mailLinks);
      }),
    expireTokens: (kind = 'all') => onTenant(() => runtime.tokens.expireAccess(kind)),
    revokeRefreshTokens: (kind = 'all') => onTenant(() => runtime.tokens.revokeRefresh(kind)),
    setLatency: (ms) => {
      runtime.latencyMs = Math.max(0, ms);
    },
    failNext: (faultOptions) => runtime.faults.add(faultOptions),
    setDoubleOptIn: (enabled) => {
      runtime.activation = enabled ? 'doubleOptIn' : 'immediate';
    },
    setActivation: (mode) => {
      runtime.activation = checkedActivation(mode);
    },
    activateCustomer: (email) => onTenant(() => runtime.state.activate(email)),
    setUndocumented: (settings) => {
      runtime.undocumented = withSettings(runtime.undocumented, settings);
    },
    get undocumented() {
      return { ...runtime.undocumented };
    },
    get requests() {
      return runtime.log.all();
    },
    requestCount: (operation) => runtime.log.count(operation),
    issueSocialCode: (email, codeOptions) => onTenant(() => runtime.state.issueSocialCode(email, codeOptions)),
    issueSubjectToken: (email) => onTenant(() => runtime.state.issueSubjectToken(email)),
    reset: () => {
      runtime.state = seededState(config, options);
      runtime.tokens = new TokenStore(config.now, config.lifetimes);
      runtime.faults.clear();
      runtime.log.clear();
      runtime.latencyMs = options.latencyMs ?? 0;
      runtime.activation = initialActivation(options);
      runtime.undocumented = withSettings(DEFAULT_UNDOCUMENTED, options.undocumented);
      runtime.store?.clear();
      runtime.store?.save(runtime);
    },
  };
}
