/**
 * The soak test's real system and model.
 *
 * The real system (`World`): one shopper's browser with three tabs — three clients on one localStorage,
 * one refresh lock, one broadcast channel — against the Emporix simulator, on a fake clock. The model
 * (`Model`): what the commands (fast-check commands, at the end of this file) should have left.
 *
 * Besides driving the tabs, the world watches them and records a violation the moment an invariant breaks:
 * 1. at most one refresh per token kind is on the wire at a time, across all tabs;
 * 2. no tab sends a token the server has rotated away (or ended, or let expire) — a ledger of every
 *    refresh token the server handed out, rotated and ended, plus the server's own verdict on every
 *    bearer (the simulator's request log marks unknown, revoked and expired ones `invalid`);
 * 3. a customer session ends only after the server rejected a refresh, or after a logout;
 * 4. once the messages between tabs are delivered, every tab shows the same session, the stored one.
 */
import fc from 'fast-check';
import { vi } from 'vitest';
import {
  createCustomerClient,
  createWebLocksRefreshLock,
  EmporixError,
  type CustomerClient,
  type CustomerClientOptions,
  type LockManagerLike,
  type SessionEvent,
  type SessionState,
} from '../../src/api';
import {
  createEmporixSimulator,
  simulatorDefaults,
  type EmporixSimulator,
  type SimulatorRequest,
} from '../../src/testing';
import { createFakeLockManager, server, sessionKey, uniqueTenant } from '../fault-matrix/support';
import { BusChannel, realTurns, SimClock, TabBus } from './world-kit';

export type LockKind = 'webLocks' | 'storageLease';
export type RefreshKind = 'anonymous' | 'customer';

export const JANE = { email: simulatorDefaults.email, password: simulatorDefaults.password };
export const LEGAL_ENTITIES = ['LE-1', 'LE-2'] as const;
/** A legal entity Jane is not assigned to: the server refuses the switch (400), the session stays. */
export const FOREIGN_LEGAL_ENTITY = 'LE-404';
const ANONYMOUS_PROFILE_ID = '00000000';

/** Named invariants, as they appear in failure messages. */
export const INVARIANT = {
  oneRefresh: 'invariant 1 (one refresh in flight per token kind)',
  noStaleToken: 'invariant 2 (no token the server rotated away)',
  endsWithCause: 'invariant 3 (session ends only after a rejected refresh or a logout)',
  tabsAgree: 'invariant 4 (tabs agree once messages settle)',
  model: 'model (the session the commands should have left)',
  liveness: 'liveness (every operation finishes)',
} as const;

export class Violation extends Error {
  override name = 'Violation';
}

/** Ways to break the client from the outside, to prove each invariant can fail (see soak.test.ts). */
export type Sabotage =
  | 'none'
  /** No refresh lock: tabs refresh whenever they like. */
  | 'noLock'
  /** Tabs never hear each other. */
  | 'deafTabs'
  /** Each tab sees the other tabs' storage writes only a second later (its own at once). */
  | 'laggingStorage'
  /** The tabs take a 503 from refreshauthtoken for a refusal. */
  | 'fiveHundredIsRefusal';

export interface WorldOptions {
  lock: LockKind;
  sabotage?: Sabotage;
  /** Simulated start time (epoch ms). */
  start?: number;
  /** Server latency at the start (ms of simulated time; default 40): requests of different tabs overlap. */
  latencyMs?: number;
}

// ---- what the server handed out -----------------------------------------------------------------

interface RefreshRecord {
  kind: RefreshKind;
  grant: number;
  /** Server-side expiry (epoch ms). */
  expiresAt: number;
  issuedBy: string;
  rotated?: { at: number; by: string };
  ended?: { at: number; by: string };
  revokedAt?: number;
}

/**
 * Every refresh token the server answered with, learnt from the wire: which sign-in (grant) it belongs
 * to, when it expires, whether a later refresh rotated it away, a logout ended its grant, or the test
 * revoked it. Access tokens are judged by the server itself (the request log's `auth`).
 */
class TokenLedger {
  private readonly refresh = new Map<string, RefreshRecord>();
  private readonly grantOfAccess = new Map<string, number>();
  private nextGrant = 1;
  rotations = 0;

  /** Why sending `token` as a refresh token now is wrong, or `undefined` when it is fine. */
  misuse(token: string | null, kind: RefreshKind, now: number): string | undefined {
    if (token === null) return `a ${kind} refresh without a refresh token`;
    const record = this.refresh.get(token);
    if (!record) return `a ${kind} refresh token the server never issued`;
    if (record.kind !== kind) return `a ${record.kind} refresh token for a ${kind} refresh`;
    if (record.rotated) return `a ${kind} refresh token the server rotated away at ${iso(record.rotated.at)} (refreshed by ${record.rotated.by})`;
    if (record.ended) return `a ${kind} refresh token whose session was logged out at ${iso(record.ended.at)} by ${record.ended.by}`;
    // The server states lifetimes in whole seconds: the client may think a token lives up to 1 s longer.
    if (record.revokedAt === undefined && now >= record.expiresAt + 1000)
      return `a ${kind} refresh token that expired at ${iso(record.expiresAt)}`;
    return undefined;
  }

  /** Whether the server had a reason to refuse `token` now (revoked by the test, or expired). */
  refusalExplained(token: string | null, now: number): boolean {
    const record = token === null ? undefined : this.refresh.get(token);
    return record !== undefined && (record.revokedAt !== undefined || record.ended !== undefined || now >= record.expiresAt);
  }

  /** A token answer of a sign-in (`sentRefresh` undefined: a new grant) or of a refresh. */
  learn(body: unknown, kind: RefreshKind, sentRefresh: string | null, by: string, now: number): void {
    const answer = body as { access_token?: unknown; refresh_token?: unknown; refresh_token_expires_in?: unknown } | null;
    const previous = sentRefresh === null ? undefined : this.refresh.get(sentRefresh);
    const grant = previous?.grant ?? this.nextGrant++;
    if (typeof answer?.access_token === 'string') this.grantOfAccess.set(answer.access_token, grant);
    const token = answer?.refresh_token;
    if (typeof token !== 'string') return;
    if (previous && token !== sentRefresh && kind === 'customer') {
      previous.rotated = { at: now, by };
      this.rotations += 1;
    }
    if (!this.refresh.has(token)) {
      const lifetime = Number(answer?.refresh_token_expires_in);
      this.refresh.set(token, { kind, grant, expiresAt: now + lifetime * 1000, issuedBy: by });
    }
  }

  /** A logout answered: every refresh token of the grant the access token belongs to is over. */
  endGrantOf(accessToken: string | null, by: string, now: number): void {
    const grant = accessToken === null ? undefined : this.grantOfAccess.get(accessToken);
    if (grant === undefined) return;
    for (const record of this.refresh.values()) if (record.grant === grant) record.ended ??= { at: now, by };
  }

  revoke(kind: RefreshKind | 'all', now: number): void {
    for (const record of this.refresh.values()) {
      if (kind === 'all' || record.kind === kind) record.revokedAt ??= now;
    }
  }
}

// ---- tabs ---------------------------------------------------------------------------------------

export interface Tab {
  /** "tab 2", "tab 2 (reload 3)" after its third reload, … */
  readonly label: string;
  readonly client: CustomerClient;
  /** The page goes away: the client stops, and its fetch fails from then on. */
  stop(): void;
}

/** What a tab's fetch knows of its page. */
interface Page {
  label: string;
  gone: boolean;
}

/** A session end seen in a tab during the current step. */
interface SeenEnd {
  tab: string;
  what: 'logout event' | 'sessionExpired event' | 'customer gone';
}

/** One request of the current step as the server answered it (before any sabotage touched it). */
interface WireEntry {
  tab: string;
  path: string;
  status: number;
  /** The fault code of a 401. */
  code: string | undefined;
}

export interface Stats {
  steps: number;
  faults: number;
  requests: number;
  refreshes: { anonymous: number; customer: number };
  rotations: number;
  logins: number;
  logouts: number;
  reloads: number;
  switches: number;
  /** Steps in which Jane's session ended: by a logout, by a rejected refresh. */
  endedByLogout: number;
  endedByRejection: number;
  messages: number;
}

const RETRY = { retries: 3, delay: (attempt: number) => Math.min(250 * 2 ** (attempt - 1), 4000) };

/** Which refresh a request is, from its path. */
function refreshKindOf(path: string): RefreshKind | undefined {
  if (path.startsWith('/customerlogin/auth/anonymous/')) return 'anonymous';
  if (path.endsWith('/refreshauthtoken')) return 'customer';
  return undefined;
}

function iso(at: number): string {
  return new Date(at).toISOString();
}

export class World {
  readonly sim: EmporixSimulator;
  readonly tabs: Tab[] = [];
  readonly stats: Stats = {
    steps: 0,
    faults: 0,
    requests: 0,
    refreshes: { anonymous: 0, customer: 0 },
    rotations: 0,
    logins: 0,
    logouts: 0,
    reloads: 0,
    switches: 0,
    endedByLogout: 0,
    endedByRejection: 0,
    messages: 0,
  };
  readonly start: number;
  private readonly clock = new SimClock();
  private readonly bus = new TabBus();
  private readonly ledger = new TokenLedger();
  private readonly locks: LockManagerLike = createFakeLockManager();
  private readonly janeId: string;
  private visibility: DocumentVisibilityState = 'visible';
  private readonly visibilitySpy: { mockRestore(): void };
  private generations = [0, 0, 0];
  private readonly storageWrites: StorageWrites = new Map();

  /** In-flight requests: all, and refreshes per kind (with who sent them). */
  private inflight = 0;
  private progress = 0;
  private readonly refreshing: Record<RefreshKind, string[]> = { anonymous: [], customer: [] };

  // What happened during the current step.
  private history: string[] = [];
  private violations: string[] = [];
  private stepWire: WireEntry[] = [];
  private stepEnds: SeenEnd[] = [];
  private stepLogout = false;
  private allowedInvalidLogouts = 0;
  /** What happened in the current step, in order (requests, answers, messages, events): for failure reports. */
  private trace: string[] = [];
  private logCursor = 0;
  /** Faults the server injected during the current step (status 0, 429 or 5xx in its log). */
  stepFaults = 0;

  constructor(private readonly options: WorldOptions) {
    this.start = options.start ?? Date.UTC(2025, 2, 1, 7, 30);
    this.clock.install(this.start);
    this.visibilitySpy = vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => this.visibility);
    this.bus.onTraffic = (line) => this.log(line);
    this.sim = createEmporixSimulator({
      tenant: uniqueTenant(),
      latencyMs: options.latencyMs ?? 40,
      // Customer tokens of 4 h (as the reference's token exchange gives them), renewable for a day, so that the
      // tabs renew them ahead of expiry in the background again and again. A login's 30-day token, whose refresh
      // token lapses after a day, is never renewed that way (src/api/session-lifetimes.test.ts covers it).
      lifetimes: { customerAccess: 14_399 },
      // The invariants recognise a refused refresh by this 401 fault code, which no source documents.
      undocumented: { refreshRefused: 'invalidRefreshToken401' },
      legalEntities: {
        [JANE.email]: LEGAL_ENTITIES.map((id) => ({ id, name: `Jane's company ${id}` })),
      },
    });
    server.use(...this.sim.handlers);
    this.janeId = this.sim.getCustomer(JANE.email)?.id ?? '';
    for (let index = 0; index < 3; index++) this.tabs.push(this.openTab(index));
  }

  dispose(): void {
    for (const tab of this.tabs) tab.stop();
    server.resetHandlers();
    this.clock.uninstall();
    this.visibilitySpy.mockRestore();
  }

  // ---- tabs -------------------------------------------------------------------------------------

  private openTab(index: number): Tab {
    const generation = this.generations[index] ?? 0;
    const label = `tab ${index + 1}${generation > 0 ? ` (reload ${generation})` : ''}`;
    const sabotage = this.options.sabotage ?? 'none';
    const page: Page = { label, gone: false };
    const options: CustomerClientOptions = {
      tenant: this.sim.tenant,
      clientId: this.sim.clientId,
      baseUrl: this.sim.baseUrl,
      fetch: this.sabotagedFetch(this.watchedFetch(page), sabotage),
      retry: RETRY,
      tabSync:
        sabotage === 'deafTabs'
          ? () => new BusChannel(new TabBus(), 'nowhere')
          : (name) => Object.assign(this.bus.factory(name), { label }),
    };
    // Web Locks: one lock manager for the browser, a lock object per page. The storage lease is the
    // default where there are no Web Locks (as in jsdom): nothing to pass.
    if (this.options.lock === 'webLocks') options.lock = createWebLocksRefreshLock(this.locks);
    if (sabotage === 'noLock') options.lock = { run: (_name, task) => task(new AbortController().signal) };
    if (sabotage === 'laggingStorage') options.persistence = laggingLocalStorage(this.storageWrites);
    const client = createCustomerClient(options);
    let last = client.session.getState();
    const unsubscribe = client.session.subscribe(() => {
      const next = client.session.getState();
      if (last.status === 'customer' && (next.status !== 'customer' || next.customerId !== last.customerId)) {
        this.stepEnds.push({ tab: label, what: 'customer gone' });
      }
      last = next;
    });
    const off = client.session.on((event: SessionEvent) => {
      this.log(`${label} emits ${event.type}${event.type === 'refresh' ? ` ${event.kind}` : ''}`);
      if (event.type === 'logout') this.stepEnds.push({ tab: label, what: 'logout event' });
      if (event.type === 'sessionExpired') this.stepEnds.push({ tab: label, what: 'sessionExpired event' });
    });
    return {
      label,
      client,
      stop: () => {
        page.gone = true;
        unsubscribe();
        off();
        client.dispose();
      },
    };
  }

  /** The page reloads: the old client stops (its fetch with it), a new one opens on the same storage. */
  reload(index: number): void {
    this.tabs[index]?.stop();
    this.generations[index] = (this.generations[index] ?? 0) + 1;
    this.tabs[index] = this.openTab(index);
    this.stats.reloads += 1;
  }

  tab(index: number): Tab {
    const tab = this.tabs[index];
    if (!tab) throw new Error(`no tab ${index}`);
    return tab;
  }

  /** Every request of a tab passes here: invariants 1 and 2 are checked as it leaves and as it returns. */
  private watchedFetch(page: Page): typeof fetch {
    return async (input, init) => {
      if (page.gone) throw new TypeError('Failed to fetch (the page is gone)');
      const url = new URL(String(input));
      const path = url.pathname;
      const kind = refreshKindOf(path);
      const isRefresh = kind !== undefined && !path.endsWith('/anonymous/login');
      const sentRefresh = url.searchParams.get(kind === 'customer' ? 'refreshToken' : 'refresh_token');
      const what = `${page.label} ${path.replace(/^\/customer\/[^/]+/, '').replace(/^\/customerlogin\/auth/, '')}`;
      if (kind) {
        const others = this.refreshing[kind];
        if (others.length > 0) this.violate(INVARIANT.oneRefresh, `${what} started while ${others.join(', ')} was still in flight`);
        others.push(what);
        this.stats.refreshes[kind] += 1;
      }
      if (isRefresh) {
        const misuse = this.ledger.misuse(sentRefresh, kind, Date.now());
        if (misuse) this.violate(INVARIANT.noStaleToken, `${what} sent ${misuse}`);
      }
      this.inflight += 1;
      this.progress += 1;
      this.stats.requests += 1;
      this.log(`${what} →`);
      try {
        const response = await fetch(input, init);
        const text = await response.clone().text();
        const body = parseJson(text);
        const code = (body as { fault?: { detail?: { errorcode?: string } } } | undefined)?.fault?.detail?.errorcode;
        this.stepWire.push({ tab: page.label, path, status: response.status, code });
        this.log(`${what} ← ${response.status}${code ? ` ${code}` : ''}`);
        const now = Date.now();
        if (response.ok && kind) this.ledger.learn(body, kind, path.endsWith('/anonymous/login') ? null : sentRefresh, page.label, now);
        if (response.ok && !kind && /\/(login|exchangeauthtoken|socialLogin)$/.test(path)) this.ledger.learn(body, 'customer', null, page.label, now);
        if (response.ok && path.endsWith('/logout')) this.ledger.endGrantOf(url.searchParams.get('accessToken'), page.label, now);
        if (isRefresh && code === 'oauth.v2.InvalidRefreshToken') {
          if (!this.ledger.refusalExplained(sentRefresh, now)) {
            this.violate(INVARIANT.noStaleToken, `the server refused the refresh token ${what} sent (${code}) without a revocation or expiry`);
          }
        }
        return response;
      } finally {
        this.inflight -= 1;
        this.progress += 1;
        if (kind) this.refreshing[kind].splice(this.refreshing[kind].indexOf(what), 1);
      }
    };
  }

  /** The client-side breakages of the sabotage runs. */
  private sabotagedFetch(watched: typeof fetch, sabotage: Sabotage): typeof fetch {
    if (sabotage !== 'fiveHundredIsRefusal') return watched;
    return async (input, init) => {
      const response = await watched(input, init);
      if (response.status !== 503 || !String(input).includes('/refreshauthtoken')) return response;
      return new Response(JSON.stringify({ fault: { faultstring: 'Invalid refresh token', detail: { errorcode: 'x' } } }), {
        status: 401,
      });
    };
  }

  // ---- time -------------------------------------------------------------------------------------

  /**
   * Runs the world until nothing is in flight, nothing the caller waits for is pending and every
   * message is delivered. Time moves only while every request has its answer and something still waits
   * (a retry delay, a lock poll, latency): then straight to the next timer.
   */
  async settle(pending: () => boolean = () => false, limitMs = 10 * 60_000): Promise<void> {
    const startedAt = Date.now();
    let idleTurns = 0;
    let lastProgress = this.progress;
    for (;;) {
      await realTurns(2);
      this.bus.deliverAll();
      if (this.progress !== lastProgress) {
        lastProgress = this.progress;
        idleTurns = 0;
      }
      // A timer due at once (a renewal the page just found due starts from one) belongs to this moment too.
      const dueNow = (this.clock.nextDue() ?? Infinity) <= Date.now() + 1;
      if (this.inflight === 0 && !pending() && !dueNow) {
        await realTurns(2);
        this.bus.deliverAll();
        if (this.inflight === 0 && !pending() && this.bus.pending === 0) return;
        continue;
      }
      // A request without latency is answered within a few turns of the event loop.
      if (this.inflight > 0 && !dueNow && ++idleTurns < 6) continue;
      idleTurns = 0;
      const next = this.clock.nextDue() ?? Date.now() + 1000;
      if (next - startedAt > limitMs) {
        throw new Violation(
          `${INVARIANT.liveness}: still waiting after ${limitMs / 1000} s of simulated time (${this.inflight} requests in flight)` +
            this.context(),
        );
      }
      await this.clock.advanceTo(next);
    }
  }

  /** Lets `ms` of simulated time pass, timer by timer, every background renewal answered on the way. */
  async advance(ms: number): Promise<void> {
    const target = Date.now() + ms;
    for (let jumps = 0; ; jumps++) {
      if (jumps > 20_000) throw new Violation(`${INVARIANT.liveness}: a timer storm (20 000 timers within ${ms} ms)` + this.context());
      await this.settle();
      const next = this.clock.nextDue();
      if (next === undefined || next > target) break;
      await this.clock.advanceTo(next);
    }
    if (Date.now() < target) await this.clock.advanceTo(target);
    await this.settle();
  }

  /** The shopper leaves the computer: every tab hidden (no background renewal), then back. */
  async sleep(ms: number): Promise<void> {
    this.setVisibility('hidden');
    await this.advance(ms);
    this.setVisibility('visible');
    await this.settle();
  }

  private setVisibility(next: DocumentVisibilityState): void {
    this.visibility = next;
    document.dispatchEvent(new Event('visibilitychange'));
  }

  /** Runs the operations of one step in parallel, until all have settled, and returns their outcomes. */
  async run<T>(operations: (() => Promise<T>)[], labels: string[] = []): Promise<PromiseSettledResult<T>[]> {
    let open = operations.length;
    const all = Promise.allSettled(
      operations.map((operation, i) => {
        const label = labels[i] ?? `operation ${i + 1}`;
        // Started in the same tick, like clicks handled one after another by the event loop.
        const promise = Promise.resolve().then(() => {
          this.log(`${label} starts`);
          return operation();
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
    return all;
  }

  // ---- simulator controls ------------------------------------------------------------------------

  revoke(kind: RefreshKind | 'all'): void {
    this.sim.revokeRefreshTokens(kind);
    this.ledger.revoke(kind, Date.now());
  }

  /** The stored token of a kind, as the tabs share it. */
  stored(kind: RefreshKind): { accessToken: string; expiresAt: number; renewAt?: number } | undefined {
    const raw = localStorage.getItem(sessionKey(this.sim));
    const session = raw ? (JSON.parse(raw) as Record<string, { accessToken: string; expiresAt: number } | undefined>) : {};
    return session[kind];
  }

  // ---- steps and checks --------------------------------------------------------------------------

  beginStep(label: string): void {
    this.stats.steps += 1;
    this.history.push(`#${this.stats.steps} ${iso(Date.now())} ${label}`);
    if (this.history.length > 25) this.history.shift();
    this.stepWire = [];
    this.stepEnds = [];
    this.trace = [];
    this.stepLogout = false;
    this.allowedInvalidLogouts = 0;
    this.stepFaults = 0;
  }

  /** A logout in this step: session ends in it have a cause (and an expired token may reach /logout). */
  noteLogout(storedTokenExpired: boolean): void {
    this.stepLogout = true;
    this.stats.logouts += 1;
    if (storedTokenExpired) this.allowedInvalidLogouts += 1;
  }

  note(what: 'login' | 'switch'): void {
    if (what === 'login') this.stats.logins += 1;
    else this.stats.switches += 1;
  }

  /** Whether the server rejected a customer refresh during this step (the one cause besides logout). */
  get rejectedRefreshInStep(): boolean {
    return this.stepWire.some((entry) => entry.path.endsWith('/refreshauthtoken') && entry.status === 401);
  }

  get customerId(): string {
    return this.janeId;
  }

  get anonymousProfileId(): string {
    return ANONYMOUS_PROFILE_ID;
  }

  /** Adds a line to the step's trace (kept short: the first lines tell most). */
  log(line: string): void {
    if (this.trace.length < 80) this.trace.push(`${iso(Date.now()).slice(11, 23)} ${line}`);
  }

  violate(invariant: string, message: string): void {
    this.violations.push(`${invariant}: ${message}`);
  }

  /** Checks invariants 1–4 after a step; throws a `Violation` with the recent history when one broke. */
  check(): SessionState {
    this.scanServerLog();
    this.checkEnds();
    const state = this.checkAgreement();
    this.stats.messages = this.bus.delivered;
    this.stats.rotations = this.ledger.rotations;
    this.fail();
    return state;
  }

  fail(): void {
    if (this.violations.length === 0) return;
    const message = [...new Set(this.violations)].join('\n');
    this.violations = [];
    throw new Violation(message + this.context());
  }

  private context(): string {
    return (
      `\n  at ${iso(Date.now())} (day ${((Date.now() - this.start) / 86_400_000).toFixed(2)}), lock: ${this.options.lock}` +
      `\n  last steps:\n    ${this.history.join('\n    ')}` +
      `\n  during the last step:\n    ${this.trace.join('\n    ') || '(nothing)'}`
    );
  }

  /** The server's verdicts of this step: bearers it did not accept, faults it injected. */
  private scanServerLog(): void {
    const entries: readonly SimulatorRequest[] = this.sim.requests.slice(this.logCursor);
    this.logCursor += entries.length;
    for (const entry of entries) {
      if (entry.status === 0 || entry.status === 429 || entry.status >= 500) {
        this.stepFaults += 1;
        this.stats.faults += 1;
      }
      if (entry.auth !== 'invalid') continue;
      // Logout sends the stored token as it is; past its expiry the server does not know it any more.
      if (entry.operation === 'logout' && this.allowedInvalidLogouts > 0) {
        this.allowedInvalidLogouts -= 1;
        continue;
      }
      const refused = this.stepWire.filter((wire) => wire.status === 401).map((wire) => `${wire.tab} ${wire.path} (${wire.code ?? 'no code'})`);
      this.violate(
        INVARIANT.noStaleToken,
        `${entry.method} ${entry.path} carried a bearer the server does not accept (revoked, expired or unknown); ` +
          `401s this step: ${refused.join('; ') || 'none'}`,
      );
    }
  }

  private checkEnds(): void {
    if (this.stepEnds.some((end) => end.what === 'customer gone')) {
      if (this.stepLogout) this.stats.endedByLogout += 1;
      else if (this.rejectedRefreshInStep) this.stats.endedByRejection += 1;
    }
    for (const end of this.stepEnds) {
      if (end.what === 'logout event' && !this.stepLogout) {
        this.violate(INVARIANT.endsWithCause, `${end.tab} emitted logout, but nobody logged out`);
      } else if (!this.stepLogout && !this.rejectedRefreshInStep) {
        const refreshes = this.stepWire
          .filter((wire) => refreshKindOf(wire.path))
          .map((wire) => `${wire.tab} ${wire.path.replace(/^.*\//, '')} → ${wire.status}`);
        this.violate(
          INVARIANT.endsWithCause,
          `${end.tab}: ${end.what}, but no refresh was rejected and nobody logged out (refreshes this step: ${refreshes.join(', ') || 'none'})`,
        );
      }
    }
  }

  /** Every tab shows the same session, and it is the stored one. */
  private checkAgreement(): SessionState {
    const states = this.tabs.map((tab) => tab.client.session.getState());
    const first = states[0] as SessionState;
    const key = (state: SessionState) => JSON.stringify(state, Object.keys(state).sort());
    const differ = states.some((state) => key(state) !== key(first));
    if (differ) {
      this.violate(
        INVARIANT.tabsAgree,
        `after every message was delivered the tabs still disagree:\n    ` +
          this.tabs.map((tab, i) => `${tab.label}: ${key(states[i] as SessionState)}`).join('\n    '),
      );
    }
    const raw = localStorage.getItem(sessionKey(this.sim));
    const stored = (raw ? JSON.parse(raw) : {}) as {
      anonymous?: { sessionId?: string; expiresAt: number };
      customer?: { sessionId?: string; loginId: string; customerId?: string; legalEntityId?: string; expiresAt: number; saasToken?: string };
    };
    const expected: SessionState = stored.customer
      ? {
          status: 'customer',
          sessionId: stored.customer.sessionId ?? stored.anonymous?.sessionId,
          loginId: stored.customer.loginId,
          customerId: stored.customer.customerId,
          legalEntityId: stored.customer.legalEntityId,
          expiresAt: stored.customer.expiresAt,
          saasTokenExpiresAt: jwtExpiry(stored.customer.saasToken),
        }
      : {
          status: 'anonymous',
          sessionId: stored.anonymous?.sessionId,
          loginId: undefined,
          customerId: undefined,
          legalEntityId: undefined,
          expiresAt: stored.anonymous?.expiresAt,
          saasTokenExpiresAt: undefined,
        };
    if (!differ && key(first) !== key(expected)) {
      this.violate(INVARIANT.tabsAgree, `the tabs agree on ${key(first)}, but the shared storage holds ${key(expected)}`);
    }
    return first;
  }

  /** Why an operation's failure is not acceptable in this step, or `undefined` when it is. */
  unacceptable(error: unknown, allowed: { sessionOver?: boolean; refusedSwitch?: boolean; notLoggedIn?: boolean }): string | undefined {
    if (!(error instanceof EmporixError)) return `a ${String(error)}`;
    const transient = error.isTransient || error.status >= 500;
    if (transient && this.stepFaults + this.faultsNow() > 0) return undefined;
    // Ended by a refused refresh: the operation that met the refusal says so; those of other tabs waiting to
    // renew the same login find it over (`session_changed`).
    if ((error.type === 'session_expired' || error.type === 'session_changed') && allowed.sessionOver) return undefined;
    if (error.type === 'not_logged_in' && allowed.notLoggedIn) return undefined;
    if (error.status === 400 && allowed.refusedSwitch) return undefined;
    return `${error.operation ?? '?'} failed with ${error.status} ${error.type}: ${error.message}`;
  }

  /** Faults the server has injected since the last scan (the step is not over yet). */
  private faultsNow(): number {
    return this.sim.requests.slice(this.logCursor).filter((r) => r.status === 0 || r.status === 429 || r.status >= 500).length;
  }
}

/** The `exp` of a JWT the simulator issued, in epoch ms. */
function jwtExpiry(jwt: string | undefined): number | undefined {
  const payload = jwt?.split('.')[1];
  return payload === undefined ? undefined : (JSON.parse(Buffer.from(payload, 'base64url').toString()) as { exp: number }).exp * 1000;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

type StorageWrites = Map<string, { value: string | null; at: number; by: object }[]>;

/**
 * A tab's view of localStorage in which the other tabs' writes show up only a second later (its own at
 * once): a tab trusting a snapshot of the storage for a moment. `writes` is shared by the tabs.
 */
function laggingLocalStorage(writes: StorageWrites) {
  const LAG_MS = 1000;
  const me = {};
  const write = (key: string, value: string | null) => {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
    writes.set(key, [...(writes.get(key) ?? []), { value, at: Date.now(), by: me }].slice(-50));
  };
  return {
    get: (key: string) => {
      const visible = (writes.get(key) ?? []).filter((entry) => entry.by === me || entry.at <= Date.now() - LAG_MS);
      return visible.length > 0 ? (visible.at(-1)?.value ?? null) : localStorage.getItem(key);
    },
    set: (key: string, value: string) => write(key, value),
    remove: (key: string) => write(key, null),
  };
}

// ---- the model and the commands -------------------------------------------------------------------

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** What the commands should have left; the real system is checked against it after every step. */
export interface Model {
  /** The simulated time now, and when the soak is over (epoch ms). */
  now: number;
  end: number;
  /** Jane is logged in. */
  customer: boolean;
  legalEntityId: string | undefined;
  /** Jane's refresh tokens were revoked since her login: the session ends at its next refresh. */
  revokedCustomer: boolean;
}

export function initialModel(world: World, days: number): Model {
  return { now: world.start, end: world.start + days * DAY, customer: false, legalEntityId: undefined, revokedCustomer: false };
}

type Outcome<T> = PromiseSettledResult<T>;

/** One step of the soak: acts on the tabs, then every invariant and the model are checked. */
export abstract class Step implements fc.AsyncCommand<Model, World> {
  check(model: Readonly<Model>): boolean {
    return model.now < model.end && this.applies(model);
  }

  protected applies(_model: Readonly<Model>): boolean {
    return true;
  }

  async run(model: Model, world: World): Promise<void> {
    world.beginStep(this.toString());
    await this.act(model, world);
    const state = world.check();
    reconcile(model, world, state);
    model.now = Date.now();
  }

  protected abstract act(model: Model, world: World): Promise<void>;
  abstract toString(): string;
}

/** The agreed session against the model; a session that ended with cause is taken into the model. */
function reconcile(model: Model, world: World, state: SessionState): void {
  const problems: string[] = [];
  if (model.customer && state.status !== 'customer') {
    // Invariant 3 has checked the cause (a rejected refresh); the ledger, that it was revoked.
    if (world.rejectedRefreshInStep) {
      model.customer = false;
      model.legalEntityId = undefined;
    } else problems.push(`Jane should be logged in, the tabs say ${state.status}`);
  } else if (!model.customer && state.status === 'customer') {
    problems.push('a customer session appeared without a login');
  }
  if (state.status === 'customer' && state.customerId !== world.customerId) {
    problems.push(`the tabs act for customer ${String(state.customerId)}, not Jane (${world.customerId})`);
  }
  if (model.customer && state.legalEntityId !== model.legalEntityId) {
    problems.push(`the tabs act for legal entity ${String(state.legalEntityId)}, the last switch chose ${String(model.legalEntityId)}`);
  }
  for (const problem of problems) world.violate(INVARIANT.model, `${problem} (model: ${JSON.stringify({ ...model, now: undefined, end: undefined })})`);
  world.fail();
}

/** Reports failed operations that the step's faults (or a revoked session) do not explain. */
function expectOutcomes<T>(
  world: World,
  what: string[],
  outcomes: Outcome<T>[],
  allowed: Parameters<World['unacceptable']>[1],
): void {
  outcomes.forEach((outcome, i) => {
    if (outcome.status === 'fulfilled') return;
    const why = world.unacceptable(outcome.reason, allowed);
    if (why) world.violate(INVARIANT.model, `${what[i] ?? '?'}: ${why}`);
  });
}

const tabName = (index: number) => `tab ${index + 1}`;

export class Advance extends Step {
  constructor(readonly ms: number) {
    super();
  }
  protected async act(_model: Model, world: World): Promise<void> {
    await world.advance(this.ms);
  }
  toString(): string {
    return `advance ${formatDuration(this.ms)}`;
  }
}

/** Jumps to just past the moment the stored token of a kind expires (background renewal must beat it). */
export class PastExpiry extends Step {
  constructor(
    readonly kind: RefreshKind,
    readonly extraMs: number,
  ) {
    super();
  }
  protected async act(_model: Model, world: World): Promise<void> {
    const token = world.stored(this.kind);
    const target = (token?.expiresAt ?? Date.now()) + this.extraMs;
    await world.advance(Math.max(0, target - Date.now()));
  }
  toString(): string {
    return `advance past the ${this.kind} token's expiry (+${formatDuration(this.extraMs)})`;
  }
}

/** Every tab hidden (the laptop closed): no background renewal; tokens expire; then the tabs show again. */
export class Sleep extends Step {
  constructor(readonly ms: number) {
    super();
  }
  protected async act(_model: Model, world: World): Promise<void> {
    await world.sleep(this.ms);
  }
  toString(): string {
    return `all tabs hidden for ${formatDuration(this.ms)}`;
  }
}

export class Login extends Step {
  constructor(readonly tab: number) {
    super();
  }
  protected async act(model: Model, world: World): Promise<void> {
    const [outcome] = await world.run([() => world.tab(this.tab).client.login(JANE)], [this.toString()]);
    if (outcome?.status === 'fulfilled') {
      Object.assign(model, { customer: true, legalEntityId: undefined, revokedCustomer: false });
      world.note('login');
    }
    expectOutcomes(world, [`login in ${tabName(this.tab)}`], outcome ? [outcome] : [], {});
  }
  toString(): string {
    return `login in ${tabName(this.tab)}`;
  }
}

export class Logout extends Step {
  constructor(readonly tab: number) {
    super();
  }
  protected async act(model: Model, world: World): Promise<void> {
    const token = world.stored('customer');
    world.noteLogout(token !== undefined && token.expiresAt <= Date.now());
    const outcomes = await world.run([() => world.tab(this.tab).client.logout()], [this.toString()]);
    Object.assign(model, { customer: false, legalEntityId: undefined });
    expectOutcomes(world, [`logout in ${tabName(this.tab)}`], outcomes, {});
  }
  toString(): string {
    return `logout in ${tabName(this.tab)}`;
  }
}

export class Reload extends Step {
  constructor(readonly tab: number) {
    super();
  }
  protected async act(_model: Model, world: World): Promise<void> {
    world.reload(this.tab);
    await world.settle();
  }
  toString(): string {
    return `reload ${tabName(this.tab)}`;
  }
}

/** The server revokes refresh tokens (an admin, a password change elsewhere): the next refresh is refused. */
export class Revoke extends Step {
  constructor(readonly kind: RefreshKind | 'all') {
    super();
  }
  protected async act(model: Model, world: World): Promise<void> {
    world.revoke(this.kind);
    if (this.kind !== 'anonymous') model.revokedCustomer = true;
    await world.settle();
  }
  toString(): string {
    return `server revokes ${this.kind} refresh tokens`;
  }
}

type FaultTarget = 'any' | 'refresh' | 'customer';
const FAULT_PATHS: Record<FaultTarget, RegExp | undefined> = {
  any: undefined,
  refresh: /\/refresh(authtoken)?$/,
  customer: /^\/customer\//,
};

/** A network flap or a 5xx burst: the next `count` matching requests fail. */
export class Fault extends Step {
  constructor(
    readonly fault: 'network' | 500 | 502 | 503 | 504,
    readonly count: number,
    readonly target: FaultTarget,
  ) {
    super();
  }
  protected async act(_model: Model, world: World): Promise<void> {
    const path = FAULT_PATHS[this.target];
    world.sim.failNext({ with: this.fault, count: this.count, ...(path ? { match: { path } } : {}) });
    await world.settle();
  }
  toString(): string {
    return `${this.count} × ${this.fault} on the next ${this.target} requests`;
  }
}

export class Latency extends Step {
  constructor(readonly ms: number) {
    super();
  }
  protected async act(_model: Model, world: World): Promise<void> {
    world.sim.setLatency(this.ms);
    await world.settle();
  }
  toString(): string {
    return `server latency ${this.ms} ms`;
  }
}

type Action =
  | { do: 'profile' }
  | { do: 'addresses' }
  | { do: 'validate' }
  | { do: 'refreshCustomer' }
  | { do: 'refreshAnonymous' }
  | { do: 'switch'; legalEntityId: string };

const needsCustomer = (action: Action) => action.do !== 'profile' && action.do !== 'refreshAnonymous';

/**
 * Several tabs act at the same moment: reads (which may need a renewed token), explicit refreshes
 * (each rotates the customer refresh token) and at most one legal-entity switch.
 */
export class Together extends Step {
  constructor(readonly actions: (Action | undefined)[]) {
    super();
  }
  protected override applies(model: Readonly<Model>): boolean {
    return model.customer || this.actions.every((action) => action === undefined || !needsCustomer(action));
  }
  protected async act(model: Model, world: World): Promise<void> {
    const planned = this.actions.flatMap((action, tab) => (action ? [{ action, tab }] : []));
    const switching = planned.find(({ action }) => action.do === 'switch')?.action as { legalEntityId: string } | undefined;
    const before = { ...model };
    const outcomes = await world.run<unknown>(
      planned.map(({ action, tab }) => () => {
        const client = world.tab(tab).client;
        switch (action.do) {
          case 'profile':
            return client.getCustomer();
          case 'addresses':
            return client.listAddresses();
          case 'validate':
            return client.validateToken();
          case 'refreshCustomer':
            return client.refreshCustomerToken();
          case 'refreshAnonymous':
            return client.session.refreshAnonymous();
          case 'switch':
            return client.refreshCustomerToken({ legalEntityId: action.legalEntityId });
        }
      }),
      planned.map(({ action, tab }) => `${tabName(tab)} ${describe(action)}`),
    );
    const sessionMayEnd = before.revokedCustomer;
    planned.forEach(({ action, tab }, i) => {
      const outcome = outcomes[i] as Outcome<unknown>;
      const label = `${describe(action)} in ${tabName(tab)}`;
      if (outcome.status === 'rejected') {
        const why = world.unacceptable(outcome.reason, {
          sessionOver: sessionMayEnd,
          notLoggedIn: sessionMayEnd,
          refusedSwitch: action.do === 'switch' && action.legalEntityId === FOREIGN_LEGAL_ENTITY,
        });
        if (why) world.violate(INVARIANT.model, `${label}: ${why}`);
        return;
      }
      if (sessionMayEnd) return; // the session may have ended half-way: nothing to compare with
      if (action.do === 'switch') {
        if (action.legalEntityId === FOREIGN_LEGAL_ENTITY) world.violate(INVARIANT.model, `${label}: the server accepted a foreign legal entity`);
        else model.legalEntityId = action.legalEntityId;
        world.note('switch');
      }
      if (action.do === 'profile') {
        const id = (outcome.value as { id?: string }).id;
        const expected = before.customer ? world.customerId : world.anonymousProfileId;
        if (id !== expected) world.violate(INVARIANT.model, `${label}: got profile ${String(id)}, expected ${expected}`);
      }
      if (action.do === 'validate' && !switching) {
        const legalEntityId = (outcome.value as { legalEntityId?: string }).legalEntityId;
        if (legalEntityId !== before.legalEntityId) {
          world.violate(
            INVARIANT.model,
            `${label}: the token ${tabName(tab)} uses is bound to legal entity ${String(legalEntityId)}, not ${String(before.legalEntityId)}`,
          );
        }
      }
    });
  }
  toString(): string {
    const parts = this.actions.flatMap((action, tab) => (action ? [`${tabName(tab)} ${describe(action)}`] : []));
    return `together: ${parts.join(', ')}`;
  }
}

function describe(action: Action): string {
  return action.do === 'switch' ? `switch to ${action.legalEntityId}` : action.do;
}

function formatDuration(ms: number): string {
  if (ms >= HOUR) return `${(ms / HOUR).toFixed(2)} h`;
  if (ms >= MINUTE) return `${(ms / MINUTE).toFixed(1)} min`;
  return `${(ms / 1000).toFixed(1)} s`;
}

// ---- arbitraries ---------------------------------------------------------------------------------

const tabIndex = fc.integer({ min: 0, max: 2 });

const action: fc.Arbitrary<Action | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.constant<Action>({ do: 'profile' }) },
  { weight: 2, arbitrary: fc.constant<Action>({ do: 'addresses' }) },
  { weight: 2, arbitrary: fc.constant<Action>({ do: 'validate' }) },
  { weight: 3, arbitrary: fc.constant<Action>({ do: 'refreshCustomer' }) },
  { weight: 2, arbitrary: fc.constant<Action>({ do: 'refreshAnonymous' }) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(...LEGAL_ENTITIES, FOREIGN_LEGAL_ENTITY)
      .map((legalEntityId): Action => ({ do: 'switch', legalEntityId })),
  },
);

/** Up to one switch per step: which legal entity a concurrent pair of switches ends on is a race. */
const actions = fc
  .tuple(action, action, action)
  .filter((list) => list.some(Boolean) && list.filter((a) => a?.do === 'switch').length <= 1);

/**
 * The commands, weighted so that about 40 % of the steps let time pass, half an hour per step on average:
 * a simulated day takes some 45 steps.
 */
export const STEPS_PER_DAY = 45;
export const stepArbitrary: fc.Arbitrary<fc.AsyncCommand<Model, World>> = fc.oneof(
  { weight: 10, arbitrary: fc.integer({ min: 1, max: 180 }).map((s) => new Advance(s * 1000)) },
  { weight: 9, arbitrary: fc.integer({ min: 3, max: 120 }).map((m) => new Advance(m * MINUTE)) },
  { weight: 6, arbitrary: fc.integer({ min: 2, max: 4 * 60 }).map((m) => new Advance(m * MINUTE)) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom<RefreshKind>('anonymous', 'customer'), fc.integer({ min: 0, max: 600 }))
      .map(([kind, s]) => new PastExpiry(kind, s * 1000)),
  },
  // Below the customer refresh token's lifetime (1 day) with room for its age when the lid closed.
  { weight: 1, arbitrary: fc.integer({ min: 30, max: 16 * 60 }).map((m) => new Sleep(m * MINUTE)) },
  { weight: 6, arbitrary: tabIndex.map((tab) => new Login(tab)) },
  { weight: 3, arbitrary: tabIndex.map((tab) => new Logout(tab)) },
  { weight: 5, arbitrary: tabIndex.map((tab) => new Reload(tab)) },
  { weight: 14, arbitrary: actions.map((list) => new Together(list)) },
  { weight: 1, arbitrary: fc.constantFrom<RefreshKind | 'all'>('anonymous', 'customer', 'all').map((kind) => new Revoke(kind)) },
  {
    weight: 5,
    arbitrary: fc
      .tuple(
        fc.constantFrom<'network' | 500 | 502 | 503 | 504>('network', 'network', 500, 502, 503, 504),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom<FaultTarget>('any', 'refresh', 'refresh', 'customer'),
      )
      .map(([fault, count, target]) => new Fault(fault, count, target)),
  },
  // At most 400 ms: a refresh (with retries and the anonymous renewal it may need) stays well within the
  // lock's 10 s hold limit, after which the client aborts it (see the report on aborted refreshes).
  { weight: 1, arbitrary: fc.constantFrom(0, 20, 40, 40, 150, 400).map((ms) => new Latency(ms)) },
);
