/**
 * Wiring for the fault matrix and the client tests: one MSW server, a fresh simulator per test on a
 * tenant of its own (so the "tabs" of one test never hear another test's broadcasts or read its
 * storage), clients disposed after each test, and a wire log of everything the clients sent and got.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createCustomerClient, type CustomerClient, type CustomerClientOptions, type LockManagerLike } from '../../src/api';
import {
  createEmporixSimulator,
  simulatorDefaults,
  type EmporixSimulator,
  type EmporixSimulatorOptions,
} from '../../src/testing';

import { namesOf, server, sessionKey, uniqueTenant, type SimulatorAddress } from '../harness';

export { namesOf, server, sessionKey, uniqueTenant };

/** One request as it left the client, with the answer it got. */
export interface WireEntry {
  /** `Date.now()` when it was sent (the faked clock, under fake timers). */
  at: number;
  method: string;
  url: URL;
  headers: Headers;
  /** The JSON body sent, parsed; `undefined` without a body. */
  body: unknown;
  status: number | undefined;
  /** The response body text (`undefined` after a network error). */
  responseText: string | undefined;
}

export interface SimulatorSetup {
  sim(): EmporixSimulator;
  /** Replaces this test's simulator with one made with other options (its handlers win until the test ends). */
  reconfigure(options: EmporixSimulatorOptions): EmporixSimulator;
  /** A client on this test's simulator (reads not retried unless overridden), disposed after the test. */
  client(overrides?: Partial<CustomerClientOptions>): CustomerClient;
  /** Every request the clients of this test sent, oldest first. */
  wire(): WireEntry[];
  /** The fetch that records into `wire()`: wrap it to give a client a fetch of its own that is still recorded. */
  fetch: typeof fetch;
  /** Token-like strings seen in any answer, the outbox tokens, and the passwords given. */
  secrets(extra?: readonly string[]): string[];
}

export function setupTenant(options: EmporixSimulatorOptions = {}): SimulatorSetup {
  let simulator: EmporixSimulator | undefined;
  let clients: CustomerClient[] = [];
  let wire: WireEntry[] = [];

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    simulator = createEmporixSimulator({ tenant: uniqueTenant(), ...options });
    server.use(...simulator.handlers);
  });
  afterEach(() => {
    for (const client of clients) client.dispose();
    clients = [];
    wire = [];
    server.resetHandlers();
  });
  afterAll(() => server.close());

  const sim = () => {
    if (!simulator) throw new Error('The simulator exists only inside a test.');
    return simulator;
  };

  const recordingFetch: typeof fetch = async (input, init) => {
    const entry: WireEntry = {
      at: Date.now(),
      method: init?.method ?? 'GET',
      url: new URL(String(input)),
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      status: undefined,
      responseText: undefined,
    };
    wire.push(entry);
    const response = await fetch(input, init);
    entry.status = response.status;
    entry.responseText = await response.clone().text();
    return response;
  };

  return {
    sim,
    reconfigure(other) {
      simulator = createEmporixSimulator({ tenant: uniqueTenant(), ...options, ...other });
      server.use(...simulator.handlers);
      return simulator;
    },
    client(overrides = {}) {
      const client = createCustomerClient({
        tenant: sim().tenant,
        clientId: sim().clientId,
        baseUrl: sim().baseUrl,
        retry: { retries: 0, delay: () => 0 },
        fetch: recordingFetch,
        ...overrides,
      });
      clients.push(client);
      return client;
    },
    wire: () => wire,
    fetch: recordingFetch,
    secrets(extra = []) {
      const found = new Set<string>(extra);
      for (const entry of wire) collectTokens(parseJson(entry.responseText), found);
      for (const mail of sim().outbox()) found.add(mail.token);
      return [...found].filter((value) => value.length >= 8);
    },
  };
}

function parseJson(text: string | undefined): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function collectTokens(value: unknown, into: Set<string>, key = ''): void {
  if (typeof value === 'string' && /token/i.test(key)) into.add(value);
  if (value && typeof value === 'object') {
    for (const [name, inner] of Object.entries(value)) collectTokens(inner, into, name);
  }
}

/** Every string reachable from an error: message, url, code, details, stack, JSON, and its causes. */
export function errorText(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    parts.push(String(current));
    if (typeof current === 'object') {
      parts.push(JSON.stringify(current));
      const record = current as { message?: unknown; stack?: unknown; url?: unknown; details?: unknown };
      parts.push(String(record.message), String(record.stack), String(record.url), JSON.stringify(record.details));
    }
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join('\n');
}

/** The session entry a client of this simulator keeps in localStorage. */
export function storedSession(sim: SimulatorAddress, storage: Storage = localStorage): Record<string, unknown> | null {
  const raw = storage.getItem(sessionKey(sim));
  return raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
}

/** Keys of this library left in Web Storage. */
export function libraryKeys(): string[] {
  return [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((key) =>
    key.startsWith('emporix-customer-react'),
  );
}

/**
 * An in-memory Web Locks `LockManager` (exclusive mode, requests granted in order, a waiting request
 * rejected with its signal's reason when aborted) — what browsers give, for jsdom which has none.
 */
export function createFakeLockManager(): LockManagerLike & { held: Set<string> } {
  const queues = new Map<string, (() => void)[]>();
  const held = new Set<string>();
  const grantNext = (name: string) => {
    const next = queues.get(name)?.shift();
    if (next) next();
    else held.delete(name);
  };
  return {
    held,
    request(name, options, callback) {
      return new Promise((resolve, reject) => {
        const grant = () => {
          options.signal?.removeEventListener('abort', onAbort);
          held.add(name);
          callback().then(resolve, reject).finally(() => grantNext(name));
        };
        const onAbort = () => {
          const queue = queues.get(name) ?? [];
          queues.set(
            name,
            queue.filter((entry) => entry !== grant),
          );
          reject(options.signal?.reason);
        };
        if (options.signal?.aborted) return reject(options.signal.reason);
        options.signal?.addEventListener('abort', onAbort, { once: true });
        if (!held.has(name)) grant();
        else queues.set(name, [...(queues.get(name) ?? []), grant]);
      });
    },
  };
}

/** The default shopper of the simulator. */
export { simulatorDefaults };

/** Passwords `runEveryOperation` uses, besides the seeded shopper's. */
export const walkPasswords = ['new-secret-1', 'another-secret-2', 'third-secret-3'] as const;

/**
 * Drives all 25 operations of the service through one client, the way a storefront would: a guest
 * signs up with double opt-in, confirms, logs out; Jane logs in, edits profile and address book,
 * changes password and login email, resets her password; an external token and a social login follow.
 */
export async function runEveryOperation(client: CustomerClient, sim: EmporixSimulator): Promise<void> {
  const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };
  const [newPassword, changedPassword, resetPassword] = walkPasswords;
  sim.setDoubleOptIn(true);
  await client.session.ensureAnonymous();
  await client.session.refreshAnonymous();
  await client.signup({ email: 'new.shopper@example.com', password: newPassword, customerDetails: { firstName: 'New' } });
  await client.resendActivation({ email: 'new.shopper@example.com' });
  await client.confirmSignup(sim.lastMail('activation', 'new.shopper@example.com')?.token ?? '');
  await client.logout();

  await client.login(jane);
  await client.refreshCustomerToken();
  await client.validateToken();
  await client.getCustomer({ expand: ['addresses'] });
  await client.updateCustomer({ middleName: 'Q' });
  await client.listAddresses();
  const { id } = await client.createAddress({ contactName: 'Jane Doe', street: 'Hauptstraße' });
  await client.getAddress(id);
  await client.updateAddress(id, { city: 'Hamburg', country: 'DE' });
  await client.addAddressTags(id, ['BILLING']);
  await client.removeAddressTags(id, ['BILLING']);
  await client.deleteAddress(id);
  await client.changePassword({ currentPassword: jane.password, newPassword: changedPassword });
  await client.requestEmailChange({
    email: jane.email,
    password: changedPassword,
    newEmail: 'jane.new@example.com',
    syncContactEmail: true,
  });
  await client.confirmEmailChange({ token: sim.lastMail('emailChange')?.token ?? '' });
  await client.requestPasswordReset({ email: 'jane.new@example.com' });
  await client.resetPassword({ token: sim.lastMail('passwordReset')?.token ?? '', password: resetPassword });
  await client.logout();

  await client.exchangeToken({ subjectAccessToken: sim.issueSubjectToken('external@example.com'), config: 'default' });
  await client.logout();
  const redirectUri = 'https://shop.example.com/auth/callback';
  const authorize = new URL(
    await client.beginSocialLogin({ authorizeUrl: 'https://idp.example.com/authorize', clientId: 'shop', redirectUri }),
  );
  const code = sim.issueSocialCode('social@example.com', {
    redirectUri,
    codeChallenge: authorize.searchParams.get('code_challenge') ?? '',
  });
  await client.completeSocialLogin(`${redirectUri}?code=${code}&state=${authorize.searchParams.get('state')}`);
  await client.logout();
}

/** The requests of the wire log with this method whose path ends with `pathEnd`. */
export function sentTo(setup: SimulatorSetup, method: string, pathEnd: string | RegExp): WireEntry[] {
  return setup
    .wire()
    .filter(
      (entry) =>
        entry.method === method &&
        (typeof pathEnd === 'string' ? entry.url.pathname.endsWith(pathEnd) : pathEnd.test(entry.url.pathname)),
    );
}

/** Query parameter names of a request, sorted. */
export function queryNames(entry: WireEntry | undefined): string[] {
  return [...(entry?.url.searchParams.keys() ?? [])].sort();
}
