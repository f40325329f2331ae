import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * `npm run bench`'s journeys: the same jsdom setup as the unit project, on files no test project picks up
 * (`*.bench-run.tsx`). scripts/bench.mjs runs it and sets `BENCH_OUT`.
 */
export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'jsdom',
    include: ['test/budgets/**/*.bench-run.tsx'],
    setupFiles: ['test/setup.ts'],
    restoreMocks: true,
  },
});
