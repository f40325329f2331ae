/**
 * The journey budgets: what each journey costs at most (`budget`, pinned exactly by journeys.test.tsx) and
 * the least the API allows (`minimum`). `npm run bench` runs the same list (journeys.bench-run.tsx),
 * so the table it prints and the tests cannot drift apart. Where a budget is above its minimum, the gap is
 * known and named in `note`; bring the budget down with the fix.
 */
import {
  accountPage,
  bootWithStoredSession,
  concurrentReadsOnRejectedToken,
  loginToProfile,
  setDefaultAddress,
  type JourneyCost,
} from './journeys';
import { signupTyping, TYPED } from './signup-typing';

/** One line of the bench table. */
export interface BudgetRow {
  measure: string;
  value: number;
  unit: 'requests' | 'round trips' | 'ms' | 're-renders';
  /** The exact value the tests pin; absent for timings, which are only printed. */
  budget?: number;
  /** The least the API (or the network) allows. */
  minimum?: number;
  /** Why the budget is above the minimum. */
  note?: string;
  /** What was seen, for a failure message (e.g. the operations, in order). */
  detail: string;
}

export interface JourneyOptions {
  /** How often to run a journey that has a timing row; the timing is the median. Default 1. */
  timingRuns?: number;
}

export interface Journey {
  name: string;
  run(options?: JourneyOptions): Promise<BudgetRow[]>;
}

/** Simulated latency of the login round-trip journey, per answer. */
export const LATENCY_MS = 100;


function requests(measure: string, cost: JourneyCost, budget: number, minimum: number, note?: string): BudgetRow {
  return {
    measure,
    value: cost.operations.length,
    unit: 'requests',
    budget,
    minimum,
    ...(note === undefined ? {} : { note }),
    detail: cost.operations.join(', '),
  };
}

export const journeys: Journey[] = [
  {
    name: 'boot with a stored session',
    run: async () => [
      requests('requests · boot with a stored session (account page shown)', await bootWithStoredSession(), 1, 1),
    ],
  },
  {
    name: 'account page',
    run: async () => [requests('requests · account page (profile + addresses), logged in', await accountPage(), 1, 1)],
  },
  {
    name: 'login',
    run: async ({ timingRuns = 1 } = {}) => {
      const cost = await loginToProfile(LATENCY_MS);
      const elapsed = [cost.elapsedMs];
      for (let run = 1; run < timingRuns; run++) elapsed.push((await loginToProfile(LATENCY_MS)).elapsedMs);
      const median = elapsed.sort((a, b) => a - b)[Math.floor(elapsed.length / 2)] ?? cost.elapsedMs;
      return [
        requests('requests · guest logs in via LoginForm → account page', cost, 3, 3),
        {
          measure: `round trips · login submit → profile shown (${LATENCY_MS} ms latency)`,
          value: cost.roundTrips,
          unit: 'round trips',
          budget: 2,
          minimum: 2,
          detail: cost.operations.join(', '),
        },
        {
          measure: `elapsed · login submit → profile shown (${LATENCY_MS} ms latency${timingRuns > 1 ? `, median of ${timingRuns}` : ''})`,
          value: Math.round(median),
          unit: 'ms',
          minimum: 2 * LATENCY_MS,
          detail: elapsed.map((ms) => `${ms.toFixed(1)} ms`).join(', '),
        },
      ];
    },
  },
  {
    name: 'set default address',
    run: async () => [
      requests(
        'requests · set default address (AddressBook)',
        await setDefaultAddress(),
        2,
        1,
        'the address book is reloaded after the write: the API answers it without a body, and the next edit of either changed address must send its new `metadata.version`',
      ),
    ],
  },
  {
    name: '20 concurrent reads on a rejected token',
    run: async () => {
      const cost = await concurrentReadsOnRejectedToken();
      const refreshes = cost.operations.filter((operation) => operation === 'refreshCustomerToken').length;
      return [
        requests('requests · 20 concurrent reads, token rejected (20 × 401 + refresh + 20 replays)', cost, 41, 41),
        {
          measure: 'token refreshes · 20 concurrent reads, token rejected',
          value: refreshes,
          unit: 'requests',
          budget: 1,
          minimum: 1,
          detail: cost.operations.join(', '),
        },
      ];
    },
  },
  {
    name: 'typing into the signup form',
    run: async () => {
      const renders = await signupTyping();
      const detail = `per part: ${JSON.stringify(renders.byPart)}, form root: ${renders.formRoot}`;
      return [
        {
          measure: `re-renders · signup form root, typing ${TYPED.length} characters into one field`,
          value: renders.formRoot,
          unit: 're-renders',
          budget: 0,
          minimum: 0,
          detail,
        },
        {
          measure: `re-renders · signup sibling fields, typing ${TYPED.length} characters into one field`,
          value: renders.siblings,
          unit: 're-renders',
          budget: 0,
          minimum: 0,
          detail,
        },
        {
          measure: `re-renders · the typed field itself (once, when it turns dirty)`,
          value: renders.typedField,
          unit: 're-renders',
          budget: 1,
          minimum: 1,
          detail,
        },
      ];
    },
  },
];
