/**
 * The identity test: random interleavings of Jane and Bob logging in and out in three tabs, profile and
 * address writes, reads, 401s, refused refreshes, reloads and time passing — each request with a random
 * latency — as a fast-check model-based test on the simulator. After every step (world.tsx):
 * 1. no request reached the server with a token of another identity than the one that started it;
 * 2. no rendered or cached customer data belongs to anyone but the tab's current login, and neither
 *    account on the server holds the other's writes;
 * 3. a session ended only by its own logout or its own refused refresh (or a newer login replaced it).
 *
 * Knobs (environment): IDENTITY_RUNS (80), IDENTITY_STEPS (most commands per run, 40), IDENTITY_SEED
 * (20250601 — fixed, so that CI explores the same interleavings every time; `random` for a new one),
 * IDENTITY_SABOTAGE (run the random test on a broken client, see `Sabotage` in world.tsx: it must then fail).
 * A failure names the broken invariant, the last steps, what happened during the last one, and the seed.
 */
import { notifyManager } from '@tanstack/react-query';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { server } from '../fault-matrix/support';
import { Advance, Expire, RefuseRefresh, stepArbitrary, Together, type Model, type Step } from './commands';
import { IdentityWorld, INVARIANT, type Sabotage, type Stats } from './world';

const RUNS = Number(process.env.IDENTITY_RUNS ?? 80);
const STEPS = Number(process.env.IDENTITY_STEPS ?? 40);
const SABOTAGE = (process.env.IDENTITY_SABOTAGE ?? 'none') as Sabotage;
const SEED = process.env.IDENTITY_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.IDENTITY_SEED ?? 20250601);

const reactActEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
let actEnvironment: boolean | undefined;

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  // The tabs render as a browser would, without act(); query notifications go out at once, not on a (fake) timer.
  actEnvironment = reactActEnvironment.IS_REACT_ACT_ENVIRONMENT;
  reactActEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
  notifyManager.setScheduler(queueMicrotask);
});
afterAll(() => {
  notifyManager.setScheduler((callback) => setTimeout(callback, 0));
  reactActEnvironment.IS_REACT_ACT_ENVIRONMENT = actEnvironment;
  server.close();
});

async function play(
  steps: Iterable<fc.AsyncCommand<Model, IdentityWorld>>,
  options: { seed: number; sabotage?: Sabotage; latency?: (method: string, path: string) => number },
): Promise<Stats> {
  const world = new IdentityWorld(options);
  try {
    await fc.asyncModelRun(() => ({ model: {}, real: world }), steps);
    return world.stats;
  } finally {
    world.dispose();
  }
}

function sum(all: Stats[]) {
  const total = (pick: (stats: Stats) => number) => all.reduce((n, stats) => n + pick(stats), 0);
  return {
    steps: total((s) => s.steps),
    requests: total((s) => s.requests),
    refused401: total((s) => s.refused401),
    refreshes: total((s) => s.refreshes),
    refusedRefreshes: total((s) => s.refusedRefreshes),
    logins: total((s) => s.logins),
    logouts: total((s) => s.logouts),
    writes: total((s) => s.writes),
    reloads: total((s) => s.reloads),
    sessionChanged: total((s) => s.sessionChanged),
    background: total((s) => s.background),
    interleavings: new Set(all.flatMap((s) => [...s.interleavings])).size,
  };
}

describe('identity', () => {
  it(`${RUNS} runs of up to ${STEPS} steps in three tabs keep the three invariants`, { timeout: 600_000 }, async () => {
    const all: Stats[] = [];
    const started = Date.now();
    const details = await fc.check(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.commands([stepArbitrary], { maxCommands: STEPS, size: 'max' }), async (seed, steps) => {
        all.push(await play(steps, { seed, sabotage: SABOTAGE }));
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    const t = sum(all);
    console.log(
      `identity: ${RUNS} runs (seed ${SEED}), ${t.steps} steps, ${t.interleavings} distinct interleavings of concurrent steps,` +
        ` ${t.requests} requests (${t.refused401} answered 401, ${t.refreshes} refreshes of which ${t.refusedRefreshes} refused,` +
        ` ${t.background} from background renewals), ${t.logins} logins, ${t.logouts} logouts, ${t.writes} writes, ${t.reloads} reloads,` +
        ` ${t.sessionChanged} operations ended as session_changed; ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    const error = details.errorInstance;
    const failure = details.failed
      ? `${error instanceof Error ? error.message : String(error)}\n  replay: IDENTITY_SEED=${details.seed} (path ${details.counterexamplePath ?? '?'})`
      : '';
    if (SABOTAGE !== 'none') {
      expect(failure, `the identity test should have caught the sabotage "${SABOTAGE}"`).not.toBe('');
      console.log(`identity caught "${SABOTAGE}" (${t.steps} steps passed before):\n${failure.split('\n').slice(0, 3).join('\n')}`);
      return;
    }
    expect(failure).toBe('');
  });
});

/**
 * The invariants are real checks: each breakage below, made from outside the library, is caught by the
 * invariant it violates — on a short script whose latencies make the race happen.
 */
describe('the identity test catches a broken client', () => {
  /** Latencies by request (`METHOD path` patterns, first match wins), 10 ms for everything else. */
  const slow =
    (...rules: [RegExp, number][]) =>
    (method: string, path: string) =>
      rules.find(([pattern]) => pattern.test(`${method} ${path}`))?.[1] ?? 10;
  const janeThenBob = [new Together([{ do: 'login', who: 'Jane' }, undefined, undefined])];
  const cases: [Sabotage, string, Step[], (method: string, path: string) => number][] = [
    // Jane's rename is refused (401) after Bob logged in in another tab: replayed with Bob's token, it renames Bob.
    [
      'replayWithCurrentToken',
      INVARIANT.boundTokens,
      [...janeThenBob, new Expire(), new Together([{ do: 'rename' }, { do: 'relogin', who: 'Bob' }, undefined])],
      slow([/^PATCH .*\/me$/, 500]),
    ],
    // A tab whose cache scope never moves on shows Jane's profile to Bob.
    ['staleScope', INVARIANT.ownData, [...janeThenBob, new Together([{ do: 'relogin', who: 'Bob' }, undefined, undefined])], () => 10],
    // Jane's refresh is refused after Bob logged in: a client that wipes whatever is stored logs Bob out.
    [
      'clearOnAnyRefusal',
      INVARIANT.endsWithCause,
      [...janeThenBob, new Expire(), new RefuseRefresh(), new Together([{ do: 'read' }, { do: 'login', who: 'Bob' }, undefined])],
      slow([/refreshauthtoken$/, 500], [/^POST .*\/login$/, 100]),
    ],
  ];

  it.each(cases)('%s → %s', async (sabotage, invariant, steps, latency) => {
    await expect(play(steps, { seed: 1, sabotage, latency })).rejects.toThrow(invariant);
  });

  it('and the same scripts pass on the real client', async () => {
    for (const [sabotage, , steps, latency] of cases) {
      const stats = await play([...steps, new Advance(60_000)], { seed: 1, latency });
      expect(stats.steps).toBe(steps.length + 1);
      // The race did happen: Jane's rename, refused after Bob logged in, ended as session_changed.
      if (sabotage === 'replayWithCurrentToken') expect(stats.sessionChanged).toBe(1);
    }
  });
});
