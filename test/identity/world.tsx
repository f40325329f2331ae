/**
 * The identity test's real system: one browser with three tabs — three clients on one localStorage, one
 * Web Locks manager, one broadcast channel, each tab rendering the account page with its own QueryClient —
 * against the simulator with a random latency per request, on a fake clock. Two shoppers, Jane and Bob,
 * take turns logging in.
 *
 * Every operation a tab starts runs under an `OperationContext` naming who was logged in there when it
 * started (read from the public session state, as the library itself reads it). The world watches and
 * records a violation the moment one of the three promises breaks:
 * 1. no request reaches the server with a token of another identity than the one that started it;
 * 2. no rendered or cached customer data belongs to anyone but the tab's current login — and the server
 *    never holds one shopper's writes in the other's account;
 * 3. a session ends only by its own logout, its own refused refresh (or a newer login).
 */
import { AsyncResource } from 'node:async_hooks';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import {
  createCustomerClient,
  createWebLocksRefreshLock,
  EmporixError,
  type CustomerClient,
  type LockManagerLike,
} from '../../src/api';
import type { AddressDto, Customer } from '../../src/api/schemas';
import { callerScope, scopeOfKey } from '../../src/hooks/customer-keys';
import { createEmporixSimulator, type EmporixSimulator } from '../../src/testing';
import { createFakeLockManager, server, sessionKey, uniqueTenant } from '../fault-matrix/support';
import { realTurns, SimClock, TabBus } from '../soak/world-kit';
import { IdentityLedger, operations, type OperationContext } from './ledger';
import { TabView, tabQueryClient, type TabHooks } from './tab-view';

export type Shopper = 'Jane' | 'Bob';

export const SHOPPERS: Record<Shopper, { email: string; password: string; lastName: string; firstNames: string[] }> = {
  Jane: { email: 'jane@example.com', password: 'jane-secret-1', lastName: 'Doe', firstNames: ['Jane', 'Janet', 'Janine'] },
  Bob: { email: 'bob@example.com', password: 'bob-secret-1', lastName: 'Builder', firstNames: ['Bob', 'Bobby', 'Robert'] },
};

export const INVARIANT = {
  boundTokens: 'invariant 1 (every request carries a token of the identity that started it)',
  ownData: "invariant 2 (no rendered, cached or stored data of another identity)",
  endsWithCause: 'invariant 3 (a session ends only by its own logout or its own refused refresh)',
  liveness: 'liveness (every operation finishes)',
} as const;

export class Violation extends Error {
  override name = 'Violation';
}

/** Ways to break the client from outside, to prove each invariant can fail (see identity.test.ts). */
export type Sabotage =
  | 'none'
  /** A 401 on a customer request is replayed with the token stored now, not the one the request was bound to. */
  | 'replayWithCurrentToken'
  /** The hooks see the first login of a tab forever: its cache scope never changes. */
  | 'staleScope'
  /** A refused refresh wipes whatever session is stored, whoever it belongs to. */
  | 'clearOnAnyRefusal';

export interface WorldOptions {
  sabotage?: Sabotage;
  /** Seeds the random latency of each request. */
  seed: number;
  /** Latency of one request in ms of simulated time; default: random 0–120 ms from the seed. */
  latency?: (method: string, path: string) => number;
}

export interface Stats {
  steps: number;
  requests: number;
  /** Requests answered 401 (then renewed and replayed, or refused as `session_changed`). */
  refused401: number;
  refreshes: number;
  refusedRefreshes: number;
  logins: number;
  logouts: number;
  reloads: number;
  writes: number;
  sessionChanged: number;
  /** Requests no operation started (background renewals), so not attributable to an identity. */
  background: number;
  /** Distinct orders in which the requests of concurrent operations were sent and answered. */
  interleavings: Set<string>;
}

interface Tab {
  label: string;
  /** What the tab's code calls: the client, with each operation run under its `OperationContext`. */
  client: CustomerClient;
  raw: CustomerClient;
  queryClient: ReturnType<typeof tabQueryClient>;
  hooks: { current: TabHooks | undefined };
  root: Root;
  container: HTMLElement;
  page: { gone: boolean };
}

/** A small seeded PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Web Locks whose callbacks run as the operation that asked for the lock (not as the previous holder). */
function boundLocks(): LockManagerLike {
  const manager = createFakeLockManager();
  return { request: (name, options, callback) => manager.request(name, options, AsyncResource.bind(callback)) };
}

export class IdentityWorld {
  readonly sim: EmporixSimulator;
  readonly ledger = new IdentityLedger();
  readonly tabs: Tab[] = [];
  readonly stats: Stats = {
    steps: 0,
    requests: 0,
    refused401: 0,
    refreshes: 0,
    refusedRefreshes: 0,
    logins: 0,
    logouts: 0,
    reloads: 0,
    writes: 0,
    sessionChanged: 0,
    background: 0,
    interleavings: new Set(),
  };
  private readonly clock = new SimClock();
  private readonly bus = new TabBus();
  private readonly locks = boundLocks();
  private readonly rng: () => number;
  private readonly customerIds: Record<Shopper, string>;
  private generations = [0, 0, 0];
  private inflight = 0;
  private progress = 0;
  private violations: string[] = [];
  private history: string[] = [];
  private trace: string[] = [];
  /** The order of sends and answers of the current step, when several operations run at once. */
  private order: string[] = [];

  constructor(private readonly options: WorldOptions) {
    this.rng = random(options.seed);
    this.clock.install(Date.UTC(2025, 5, 1, 9, 0));
    this.bus.onTraffic = (line) => this.log(line);
    this.sim = createEmporixSimulator({
      tenant: uniqueTenant('i'),
      customers: (Object.keys(SHOPPERS) as Shopper[]).map((name) => {
        const { email, password, lastName, firstNames } = SHOPPERS[name];
        return { email, password, firstName: firstNames[0], lastName, addresses: [{ contactName: `${name} ${lastName} · 0`, city: 'Berlin' }] };
      }),
    });
    server.use(...this.sim.handlers);
    this.customerIds = {
      Jane: this.sim.getCustomer(SHOPPERS.Jane.email)?.id ?? '',
      Bob: this.sim.getCustomer(SHOPPERS.Bob.email)?.id ?? '',
    };
    for (let index = 0; index < 3; index++) this.tabs.push(this.openTab(index));
  }

  dispose(): void {
    for (const tab of this.tabs) this.closeTab(tab);
    server.resetHandlers();
    this.clock.uninstall();
    localStorage.clear();
  }

  // ---- tabs -------------------------------------------------------------------------------------

  tab(index: number): Tab {
    const tab = this.tabs[index];
    if (!tab) throw new Error(`no tab ${index}`);
    return tab;
  }

  private openTab(index: number): Tab {
    const generation = this.generations[index] ?? 0;
    const label = `tab ${index + 1}${generation > 0 ? ` (reload ${generation})` : ''}`;
    const page = { gone: false };
    const raw = createCustomerClient({
      tenant: this.sim.tenant,
      clientId: this.sim.clientId,
      baseUrl: this.sim.baseUrl,
      fetch: this.sabotagedFetch(this.watchedFetch(label, page)),
      retry: { retries: 1, delay: () => 50 },
      lock: createWebLocksRefreshLock(this.locks),
      tabSync: (name) => Object.assign(this.bus.factory(name), { label }),
    });
    raw.session.on((event) => {
      this.log(`${label} emits ${event.type}`);
      const context = operations.getStore();
      // A new login is bound to its grant in the tab and the operation that made it.
      if (event.type === 'login' && context?.tab === label && context.grant !== undefined) {
        const loginId = raw.session.getState().loginId;
        if (loginId) this.ledger.bind(loginId, context.grant);
      }
    });
    const client = this.withContexts(raw, label);
    const queryClient = tabQueryClient();
    const hooks: Tab['hooks'] = { current: undefined };
    const container = document.body.appendChild(document.createElement('div'));
    const root = createRoot(container);
    flushSync(() =>
      root.render(
        <TabView
          client={client}
          queryClient={queryClient}
          onHooks={(latest) => {
            hooks.current = latest;
          }}
          ownerOf={(data) => this.ownerOf(data)}
          whoIs={(loginId) => this.ledger.whoIs(loginId)}
          onRender={({ loginId, owners }) => this.checkShown(label, loginId, owners, 'rendered')}
        />,
      ),
    );
    return { label, client, raw, queryClient, hooks, root, container, page };
  }

  private closeTab(tab: Tab): void {
    tab.page.gone = true;
    tab.root.unmount();
    tab.container.remove();
    tab.queryClient.clear();
    tab.raw.dispose();
  }

  /** The page reloads: its client, cache and view go; a new one opens on the same storage. */
  reload(index: number): void {
    this.closeTab(this.tab(index));
    this.generations[index] = (this.generations[index] ?? 0) + 1;
    this.tabs[index] = this.openTab(index);
    this.stats.reloads += 1;
  }

  /**
   * The client as the tab's code sees it: each operation runs under the context of who was logged in when
   * it was called (and, with the `staleScope` sabotage, the session state shows the tab's first login forever).
   */
  private withContexts(raw: CustomerClient, label: string): CustomerClient {
    const session = this.options.sabotage === 'staleScope' ? stickySession(raw.session) : raw.session;
    return new Proxy(raw, {
      get: (target, property, receiver) => {
        if (property === 'session') return session;
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function' || property === 'dispose') return value;
        return (...args: unknown[]) => {
          const context: OperationContext = { tab: label, operation: String(property), identity: target.session.getState().loginId };
          if (property === 'logout') this.ledger.ended(context.identity, 'logout');
          return operations.run(context, () => (value as (...a: unknown[]) => unknown).apply(target, args));
        };
      },
    });
  }

  // ---- the wire ---------------------------------------------------------------------------------

  /** Every request of a tab passes here: invariant 1 is checked as it leaves, the ledger learns from answers. */
  private watchedFetch(label: string, page: { gone: boolean }): typeof fetch {
    return async (input, init) => {
      if (page.gone) throw new TypeError('Failed to fetch (the page is gone)');
      const context = operations.getStore();
      const url = new URL(String(input));
      const path = url.pathname.replace(/^\/customer\/[^/]+/, '').replace(/^\/customerlogin\/auth/, '');
      const method = init?.method ?? 'GET';
      const what = `${label} ${context?.operation ?? 'background'} ${method} ${path}`;
      this.checkBound(what, context, new Headers(init?.headers).get('authorization')?.replace(/^Bearer /, ''), url);
      this.stats.requests += 1;
      this.inflight += 1;
      this.progress += 1;
      this.order.push(`${label}:${context?.operation ?? 'bg'}:${path}→`);
      this.log(`${what} →`);
      try {
        await this.latency(method, url.pathname);
        const response = await fetch(input, init);
        this.learn(url, path, response.status, await response.clone().text(), context, init?.body);
        this.order.push(`${label}:${context?.operation ?? 'bg'}:${path}←${response.status}`);
        this.log(`${what} ← ${response.status}`);
        return response;
      } finally {
        this.inflight -= 1;
        this.progress += 1;
      }
    };
  }

  private latency(method: string, path: string): Promise<void> {
    const ms = this.options.latency ? this.options.latency(method, path) : Math.floor(this.rng() * 120);
    return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
  }

  /** Invariant 1: the customer tokens a request carries belong to the identity of the operation that sent it. */
  private checkBound(what: string, context: OperationContext | undefined, bearer: string | undefined, url: URL): void {
    const grants = [
      this.ledger.accessGrant(bearer),
      this.ledger.accessGrant(url.searchParams.get('accessToken')),
      this.ledger.refreshGrant(url.searchParams.get('refreshToken')),
    ].filter((grant) => grant !== undefined);
    if (grants.length === 0) return;
    if (!context) {
      this.stats.background += 1;
      return;
    }
    const own = this.ledger.grantOf(context.identity);
    for (const grant of grants) {
      if (grant !== own) {
        this.violate(
          INVARIANT.boundTokens,
          `${what}: started by ${own ? `${own.who}'s login` : 'a guest'}, it carried a token of ${grant.who}'s sign-in #${grant.id}`,
        );
      }
    }
  }

  private learn(
    url: URL,
    path: string,
    status: number,
    text: string,
    context: OperationContext | undefined,
    sentBody: unknown,
  ): void {
    const body = parseJson(text);
    if (status === 401) this.stats.refused401 += 1;
    if (path.endsWith('/refreshauthtoken')) {
      this.stats.refreshes += 1;
      const sent = url.searchParams.get('refreshToken');
      if (status === 200) this.ledger.learn(body, undefined, sent, Date.now());
      const grant = this.ledger.refreshGrant(sent);
      if ((status === 400 || status === 401) && grant) {
        this.stats.refusedRefreshes += 1;
        this.ledger.refused(grant);
      }
    }
    if (path === '/login' && status === 200 && context) {
      const email = (parseJson(typeof sentBody === 'string' ? sentBody : '') as { email?: string } | undefined)?.email;
      const who = (Object.keys(SHOPPERS) as Shopper[]).find((name) => SHOPPERS[name].email === email);
      context.grant = this.ledger.learn(body, who, null, Date.now());
    }
  }

  /** The client-side breakages of the sabotage runs, made from outside the library. */
  private sabotagedFetch(watched: typeof fetch): typeof fetch {
    const sabotage = this.options.sabotage ?? 'none';
    if (sabotage === 'replayWithCurrentToken') {
      return async (input, init) => {
        const response = await watched(input, init);
        const current = this.storedCustomer()?.accessToken;
        if (response.status !== 401 || !/\/me(\/|$)/.test(String(input)) || !current) return response;
        const headers = new Headers(init?.headers);
        headers.set('authorization', `Bearer ${current}`);
        return watched(input, { ...init, headers });
      };
    }
    if (sabotage === 'clearOnAnyRefusal') {
      return async (input, init) => {
        const response = await watched(input, init);
        if (String(input).includes('/refreshauthtoken') && (response.status === 400 || response.status === 401)) localStorage.removeItem(sessionKey(this.sim));
        return response;
      };
    }
    return watched;
  }

  // ---- running steps ----------------------------------------------------------------------------

  /**
   * Runs the world until nothing is in flight, nothing the caller waits for is pending and every message is
   * delivered. Time moves only while every request has its answer and something still waits (latency, a
   * retry delay): then straight to the next timer.
   */
  async settle(pending: () => boolean = () => false, limitMs = 10 * 60_000): Promise<void> {
    const startedAt = Date.now();
    let idleTurns = 0;
    let lastProgress = this.progress;
    for (;;) {
      await realTurns(3);
      this.bus.deliverAll();
      if (this.progress !== lastProgress) {
        lastProgress = this.progress;
        idleTurns = 0;
      }
      const next = this.clock.nextDue();
      const soon = next !== undefined && next <= Date.now() + 1;
      if (this.inflight === 0 && !pending() && !soon) {
        await realTurns(3);
        this.bus.deliverAll();
        if (this.inflight === 0 && !pending() && this.bus.pending === 0) return;
        continue;
      }
      if (++idleTurns < 4 && !soon) continue;
      idleTurns = 0;
      const at = next ?? Date.now() + 1000;
      if (at - startedAt > limitMs) {
        throw new Violation(`${INVARIANT.liveness}: still waiting after ${limitMs / 1000} s of simulated time` + this.context());
      }
      await this.clock.advanceTo(at);
    }
  }

  /** Lets `ms` of simulated time pass, timer by timer, every background renewal answered on the way. */
  async advance(ms: number): Promise<void> {
    const target = Date.now() + ms;
    for (let jumps = 0; jumps < 20_000; jumps++) {
      await this.settle();
      const next = this.clock.nextDue();
      if (next === undefined || next > target) break;
      await this.clock.advanceTo(next);
    }
    if (Date.now() < target) await this.clock.advanceTo(target);
    await this.settle();
  }

  /** Runs the operations of one step at once and waits for all of them; failures are returned, not thrown. */
  async run(operations: { label: string; run: () => Promise<unknown> }[]): Promise<PromiseSettledResult<unknown>[]> {
    let open = operations.length;
    this.order = [];
    const all = Promise.allSettled(
      operations.map(({ label, run }) => {
        const promise = Promise.resolve().then(() => {
          this.log(`${label} starts`);
          return run();
        });
        void promise.then(
          () => {
            open -= 1;
            this.log(`${label} done`);
          },
          (error: unknown) => {
            open -= 1;
            this.log(`${label} failed: ${error instanceof EmporixError ? `${error.status} ${error.type}` : String(error)}`);
          },
        );
        return promise;
      }),
    );
    await this.settle(() => open > 0);
    if (operations.length > 1) this.stats.interleavings.add(this.order.join(' '));
    const outcomes = await all;
    for (const outcome of outcomes) this.judge(outcome);
    return outcomes;
  }

  /** An operation may fail for a reason the session gives (it changed, ended, or there is none); never by a crash. */
  private judge(outcome: PromiseSettledResult<unknown>): void {
    if (outcome.status === 'fulfilled') return;
    const error: unknown = outcome.reason;
    if (!(error instanceof EmporixError)) {
      this.violate(INVARIANT.liveness, `an operation failed with ${String(error)}`);
      return;
    }
    if (error.type === 'session_changed') this.stats.sessionChanged += 1;
  }

  // ---- checks -----------------------------------------------------------------------------------

  beginStep(label: string): void {
    this.stats.steps += 1;
    this.history.push(`#${this.stats.steps} ${new Date().toISOString()} ${label}`);
    if (this.history.length > 20) this.history.shift();
    this.trace = [];
  }

  /** Who a piece of customer data belongs to. */
  ownerOf(data: Customer | AddressDto): Shopper | undefined {
    if ('contactName' in data && typeof data.contactName === 'string') {
      return (Object.keys(SHOPPERS) as Shopper[]).find((name) => data.contactName?.startsWith(`${name} `));
    }
    return (Object.keys(this.customerIds) as Shopper[]).find((name) => this.customerIds[name] === (data as Customer).id);
  }

  /** Invariant 2 for what a tab shows or caches: all of it belongs to the login it shows it for. */
  private checkShown(label: string, loginId: string | undefined, owners: string[], where: string): void {
    const who = this.ledger.whoIs(loginId);
    const foreign = owners.filter((owner) => owner !== who);
    if (foreign.length > 0) {
      this.violate(INVARIANT.ownData, `${label} ${where} data of ${foreign.join(', ')} for ${who ?? (loginId ? 'an unknown login' : 'a guest')}`);
    }
  }

  /** Checks every invariant after a step; throws a `Violation` with the recent history when one broke. */
  check(): void {
    const stored = this.storedCustomer()?.loginId;
    for (const tab of this.tabs) {
      const state = tab.raw.session.getState();
      if (state.loginId !== stored) this.violate(INVARIANT.endsWithCause, `${tab.label} shows login ${short(state.loginId)}, storage holds ${short(stored)}`);
      this.checkCache(tab, state);
    }
    this.checkEnds(stored);
    this.checkServer();
    this.fail();
  }

  private checkCache(tab: Tab, state: ReturnType<CustomerClient['session']['getState']>): void {
    const scope = callerScope(state);
    for (const query of tab.queryClient.getQueryCache().getAll()) {
      const data = query.state.data as Customer | AddressDto | AddressDto[] | undefined;
      if (data === undefined) continue;
      if (scopeOfKey(query.queryKey) !== scope) this.violate(INVARIANT.ownData, `${tab.label} caches data under ${String(scopeOfKey(query.queryKey))}, not its scope ${scope}`);
      const items = Array.isArray(data) ? data : [data, ...(('addresses' in data && data.addresses) || [])];
      this.checkShown(tab.label, state.status === 'customer' ? state.loginId : undefined, items.map((item) => this.ownerOf(item) ?? '(unknown)'), 'caches');
    }
  }

  /** Invariant 3: every login that is not the stored one ended with a cause; none came back after its end. */
  private checkEnds(stored: string | undefined): void {
    if (stored !== undefined && this.ledger.grantOf(stored) === undefined) {
      this.violate(INVARIANT.endsWithCause, `storage holds a login the test never saw start (${short(stored)})`);
    }
    for (const loginId of this.ledger.knownLogins()) {
      const causes = this.ledger.causes(loginId);
      if (loginId === stored) {
        if (causes.has('logout')) this.violate(INVARIANT.endsWithCause, `${this.ledger.whoIs(loginId)}'s login ${short(loginId)} is back after its logout`);
        continue;
      }
      if (this.ledger.causeOfEnd(loginId, Date.now()) === undefined) {
        this.violate(INVARIANT.endsWithCause, `${this.ledger.whoIs(loginId)}'s login ${short(loginId)} ended, but nobody logged it out and no refresh of it was refused`);
        this.ledger.ended(loginId, 'logout'); // reported once
      }
    }
  }

  /** Invariant 2 on the server: each shopper's account holds only their own writes. */
  private checkServer(): void {
    for (const name of Object.keys(SHOPPERS) as Shopper[]) {
      const customer = this.sim.getCustomer(SHOPPERS[name].email);
      if (customer && !SHOPPERS[name].firstNames.includes(customer.firstName ?? '')) {
        this.violate(INVARIANT.ownData, `${name}'s account was renamed to ${customer.firstName}`);
      }
      for (const address of customer?.addresses ?? []) {
        if (!address.contactName.startsWith(`${name} `)) this.violate(INVARIANT.ownData, `${name}'s address book holds "${address.contactName}"`);
      }
    }
  }

  storedCustomer(): { accessToken: string; loginId: string } | undefined {
    const raw = localStorage.getItem(sessionKey(this.sim));
    return raw ? (JSON.parse(raw) as { customer?: { accessToken: string; loginId: string } }).customer : undefined;
  }

  private numbers = 0;

  /** 1, 2, 3, … for names the commands make up. */
  nextNumber(): number {
    this.numbers += 1;
    return this.numbers;
  }

  /** Who a tab shows as logged in, by the test's own records. */
  shopperIn(index: number): Shopper | undefined {
    return this.ledger.whoIs(this.tab(index).raw.session.getState().loginId) as Shopper | undefined;
  }

  log(line: string): void {
    if (this.trace.length < 120) this.trace.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
  }

  violate(invariant: string, message: string): void {
    this.violations.push(`${invariant}: ${message}`);
  }

  fail(): void {
    if (this.violations.length === 0) return;
    const message = [...new Set(this.violations)].join('\n');
    this.violations = [];
    throw new Violation(message + this.context());
  }

  private context(): string {
    return `\n  last steps:\n    ${this.history.join('\n    ')}\n  during the last step:\n    ${this.trace.join('\n    ') || '(nothing)'}`;
  }
}

/** A session whose state keeps the first login it showed, whatever logs in later (the `staleScope` sabotage). */
function stickySession(session: CustomerClient['session']): CustomerClient['session'] {
  let first: string | undefined;
  let last: ReturnType<typeof session.getState> | undefined;
  let shown: ReturnType<typeof session.getState> | undefined;
  const getState = () => {
    const state = session.getState();
    if (state.loginId && first === undefined) first = state.loginId;
    if (state !== last) {
      last = state;
      shown = state.status === 'customer' && first ? { ...state, loginId: first } : state;
    }
    return shown as ReturnType<typeof session.getState>;
  };
  return { ...session, getState };
}

function short(loginId: string | undefined): string {
  return loginId === undefined ? 'none' : loginId.slice(0, 8);
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
