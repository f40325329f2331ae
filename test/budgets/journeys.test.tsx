/**
 * Pins every exact budget of `npm run bench`: the requests of each journey, the login's round trips, the
 * re-renders while typing. A change either way fails here; update the budget in budgets.ts with it.
 */
import { describe, expect, it } from 'vitest';
import { journeys } from './budgets';
import { setupBudgetServer } from './on-simulator';

setupBudgetServer();

describe('journey budgets (also printed by npm run bench)', () => {
  it.each(journeys.map((journey) => [journey.name, journey] as const))('%s', async (_name, journey) => {
    const rows = await journey.run();
    for (const row of rows) {
      if (row.budget === undefined) continue;
      expect(row.value, `${row.measure} — seen: ${row.detail}`).toBe(row.budget);
    }
  });
});
