/**
 * Soak: 30 simulated days of one shopper with three tabs, as a fast-check model-based test. The
 * commands (model.ts) log in and out, reload tabs, switch legal entities, let time pass beyond token
 * expiries (or close the laptop), refresh and rotate tokens in several tabs at once, revoke refresh
 * tokens on the server, and inject network flaps, 5xx bursts and latency. After every step four
 * invariants are checked (model.ts: `World`), and the session the tabs agree on is compared with the model.
 *
 * Knobs (environment): SOAK_DAYS (30), SOAK_RUNS (1), SOAK_SEED (random), SOAK_LOCK ('webLocks' or
 * 'storageLease'; default: both, one soak each), SOAK_SABOTAGE (run the random soak on a broken client,
 * see `Sabotage` in model.ts: the soak must then fail).
 * A failure names the broken invariant, the last steps and the seed to replay it with.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { server } from '../fault-matrix/support';
import {
  Advance,
  Fault,
  initialModel,
  INVARIANT,
  Login,
  stepArbitrary,
  STEPS_PER_DAY,
  Together,
  World,
  type LockKind,
  type Model,
  type Sabotage,
  type Stats,
  type Step,
} from './model';

const DAYS = Number(process.env.SOAK_DAYS ?? 30);
const RUNS = Number(process.env.SOAK_RUNS ?? 1);
const SEED = process.env.SOAK_SEED === undefined ? undefined : Number(process.env.SOAK_SEED);
const LOCKS: LockKind[] = process.env.SOAK_LOCK ? [process.env.SOAK_LOCK as LockKind] : ['webLocks', 'storageLease'];
const SABOTAGE = (process.env.SOAK_SABOTAGE ?? 'none') as Sabotage;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

type Commands = Iterable<fc.AsyncCommand<Model, World>>;

/**
 * Plays the batches of commands one after the other on one world, each step checked, until the days are
 * over (later commands are skipped); should the batches end early, time passes in checked steps of 6 h.
 */
async function play(batches: Commands[], options: { lock: LockKind; sabotage: Sabotage; days: number }): Promise<Stats> {
  const world = new World(options);
  try {
    const model = initialModel(world, options.days);
    for (const commands of batches) await fc.asyncModelRun(() => ({ model, real: world }), commands);
    while (model.now < model.end) await new Advance(Math.min(6 * 3_600_000, model.end - model.now)).run(model, world);
    return world.stats;
  } finally {
    world.dispose();
  }
}

/** Runs the property; a failure is reported with the soak's own message and how to replay it. */
async function soak(options: { lock: LockKind; sabotage: Sabotage; days: number; runs: number; seed?: number | undefined }) {
  const stats: Stats[] = [];
  const details = await fc.check(
    // fc.commands makes sequences of any length up to its maximum: six of them, each as long as the
    // days need on average, cover the days but once in 700 runs.
    fc.asyncProperty(
      fc.array(fc.commands([stepArbitrary], { size: 'max', maxCommands: Math.ceil(options.days * STEPS_PER_DAY) }), {
        minLength: 6,
        maxLength: 6,
      }),
      async (batches) => {
        stats.push(await play(batches, options));
      },
    ),
    { numRuns: options.runs, endOnFailure: true, ...(options.seed === undefined ? {} : { seed: options.seed }) },
  );
  return { stats, details };
}

function failure<Ts>(details: fc.RunDetails<Ts>): string | undefined {
  if (!details.failed) return undefined;
  const error = details.errorInstance;
  const message = error instanceof Error ? error.message : String(error);
  return `${message}\n  replay: SOAK_SEED=${details.seed} SOAK_LOCK=… (path ${details.counterexamplePath ?? '?'})`;
}

function total(all: Stats[]): Stats {
  const sum = (pick: (stats: Stats) => number) => all.reduce((n, stats) => n + pick(stats), 0);
  return {
    steps: sum((s) => s.steps),
    faults: sum((s) => s.faults),
    requests: sum((s) => s.requests),
    refreshes: { anonymous: sum((s) => s.refreshes.anonymous), customer: sum((s) => s.refreshes.customer) },
    rotations: sum((s) => s.rotations),
    logins: sum((s) => s.logins),
    logouts: sum((s) => s.logouts),
    reloads: sum((s) => s.reloads),
    switches: sum((s) => s.switches),
    endedByLogout: sum((s) => s.endedByLogout),
    endedByRejection: sum((s) => s.endedByRejection),
    messages: sum((s) => s.messages),
  };
}

describe('soak', () => {
  it(`${DAYS} simulated days of one shopper in three tabs keep the four invariants`, { timeout: 300_000 }, async () => {
    const all: Stats[] = [];
    const failures: string[] = [];
    // One shopper's month with Web Locks (browsers), another with the storage lease (the fallback).
    for (const lock of LOCKS) {
      const { stats, details } = await soak({ lock, sabotage: SABOTAGE, days: DAYS, runs: RUNS, seed: SEED });
      all.push(...stats);
      const why = failure(details);
      if (why) failures.push(why.replace('SOAK_LOCK=…', `SOAK_LOCK=${lock}`));
    }
    const t = total(all);
    const soaks = LOCKS.length * RUNS;
    console.log(
      `soak: ${soaks > 1 ? `${soaks} × ` : ''}${DAYS} days, ${t.steps} steps, ${t.faults} faults survived, 3 tabs` +
        ` (${t.requests} requests, ${t.refreshes.anonymous} anonymous + ${t.refreshes.customer} customer refreshes,` +
        ` ${t.rotations} rotations, ${t.logins} logins, ${t.logouts} logouts, ${t.reloads} reloads, ${t.switches} switches,` +
        ` sessions ended by ${t.endedByLogout} logouts and ${t.endedByRejection} rejected refreshes,` +
        ` ${t.messages} tab messages; ${LOCKS.map((lock) => (lock === 'webLocks' ? 'Web Locks' : 'storage lease')).join(' + ')})`,
    );
    if (SABOTAGE !== 'none') {
      expect(failures, `the soak should have caught the sabotage "${SABOTAGE}"`).not.toEqual([]);
      console.log(`soak caught "${SABOTAGE}":\n${failures.join('\n')}`);
      return;
    }
    expect(failures.join('\n\n')).toBe('');
  });
});

/**
 * The invariants are real checks: each breakage of the client below (made from the outside, the
 * library untouched) is caught by the invariant it violates, on a short script of the same steps.
 */
describe('the soak catches a broken client', () => {
  const jane = [new Login(0)];
  const cases: [Sabotage, string, Step[]][] = [
    // The three tabs' renewal timers fire at the same moment: without a lock all three refresh.
    ['noLock', INVARIANT.oneRefresh, [...jane, new Advance(5 * 3_600_000)]],
    // A tab that trusts its old copy of the storage refreshes with a refresh token already rotated away.
    ['laggingStorage', INVARIANT.noStaleToken, [...jane, new Together([{ do: 'refreshCustomer' }, { do: 'refreshCustomer' }, undefined])]],
    // A 503 taken for a refusal ends the session although the server refused nothing.
    ['fiveHundredIsRefusal', INVARIANT.endsWithCause, [...jane, new Fault(503, 1, 'refresh'), new Together([{ do: 'refreshCustomer' }, undefined, undefined])]],
    // Tabs that never hear each other disagree about who is logged in.
    ['deafTabs', INVARIANT.tabsAgree, jane],
  ];

  it.each(cases)('%s → %s', async (sabotage, invariant, steps) => {
    const played = play([steps], { lock: 'webLocks', sabotage, days: 1 });
    await expect(played).rejects.toThrow(invariant);
  });

  it('and the same scripts pass on the real client', async () => {
    for (const [, , steps] of cases) {
      const stats = await play([steps], { lock: 'webLocks', sabotage: 'none', days: 0.5 });
      expect(stats.steps).toBeGreaterThan(0);
    }
  });
});
