/**
 * The journey half of `npm run bench` (scripts/bench.mjs runs it through vitest.bench.config.ts): runs every
 * journey of budgets.ts in order — a timed one 5 times, for a median — and writes the rows as JSON to
 * `$BENCH_OUT`. Checks nothing itself: journeys.test.tsx pins the same rows.
 */
import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { journeys, type BudgetRow } from './budgets';
import { setupBudgetServer } from './on-simulator';

setupBudgetServer();

it('measures every journey', async () => {
  const out = process.env.BENCH_OUT;
  if (!out) throw new Error('Set BENCH_OUT to the file the rows go to (npm run bench does).');
  const rows: BudgetRow[] = [];
  for (const journey of journeys) rows.push(...(await journey.run({ timingRuns: 5 })));
  writeFileSync(out, JSON.stringify(rows, null, 2));
}, 60_000);
