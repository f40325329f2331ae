/**
 * `npm run bench`: what the library costs, measured in one run —
 * - bundle cost (min+gzip), from the sources (bundle-cost.mjs), in two columns: the library's own bytes
 *   (peers external, as size-limit counts a package) and everything beyond React (what a shopper downloads
 *   for the import in a storefront that has React: zod, react-hook-form, resolvers and TanStack Query
 *   included), beside the same measure for the login UIs a team might pick instead;
 * - requests per journey at the simulator, round trips and elapsed time of a login under latency, and
 *   re-renders while typing: test/budgets/journeys.bench-run.tsx under vitest.bench.config.ts, the same
 *   measurements and budgets test/budgets/journeys.test.tsx pins.
 * Budgets are the limits of `.size-limit.json` (the gate `npm run size` enforces on `dist/`) and of the journeys.
 *
 *   node scripts/bench.mjs            print the tables
 *   node scripts/bench.mjs --strict   and exit 1 if a measure is over its budget
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleCost, formatSize, peersExternal, reactOnly, root, sizeChecks } from './bundle-cost.mjs';

const started = performance.now();
const strict = process.argv.includes('--strict');

/** Runs the journeys in a vitest child process; resolves to their rows. */
async function journeyRows() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const out = join(dir, 'journeys.json');
  try {
    const vitest = resolve(root, 'node_modules/vitest/vitest.mjs');
    const child = spawn(process.execPath, [vitest, 'run', '--config', 'vitest.bench.config.ts', '--reporter=dot'], {
      cwd: root,
      env: { ...process.env, BENCH_OUT: out, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    const code = await new Promise((done) => child.on('close', done));
    if (code !== 0) throw new Error(`The journeys failed (vitest exit ${code}):\n${log}`);
    return JSON.parse(readFileSync(out, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The rows of the bundle table: what a storefront imports, bundled once with the package's peers left out
 * (`own`) and once with only React left out (`beyondReact`). A measure with a `.size-limit.json` check of the
 * same entry and the same externals shows that check's limit as its budget.
 */
const bundleRows = [
  {
    label: '`LoginForm` + `CustomerProvider` + `createCustomerClient` + `QueryClient`',
    own: { path: 'scripts/size/login-form-app.js' },
    beyondReact: { path: 'scripts/size/login-form-app.js' },
  },
  {
    label: "`import { LoginForm } from 'emporix-customer-react'`",
    own: { path: 'dist/index.js', import: '{ LoginForm }' },
    beyondReact: { path: 'dist/index.js', import: '{ LoginForm }' },
  },
  {
    label: "`import { useCustomer } from 'emporix-customer-react'`",
    own: { path: 'dist/index.js', import: '{ useCustomer }' },
    beyondReact: { path: 'dist/index.js', import: '{ useCustomer }' },
  },
  {
    label: 'whole library: React entry + `/api` (+ `QueryClient`)',
    own: { path: 'scripts/size/whole-library.js' },
    beyondReact: { path: 'scripts/size/whole-library.js' },
  },
  {
    label: '`emporix-customer-react/api`, all of it',
    own: { path: 'dist/api.js', import: '*' },
    beyondReact: { path: 'dist/api.js', import: '*' },
  },
  {
    label: '`createCustomerClient` alone',
    own: { path: 'scripts/size/client-alone.js' },
    beyondReact: { path: 'scripts/size/client-alone.js' },
  },
  {
    label: 'for comparison: `@supabase/auth-ui-react` `<Auth/>` + `@supabase/supabase-js` `createClient`',
    beyondReact: { path: 'scripts/size/peers/supabase-auth-ui.js' },
  },
  {
    label: 'for comparison: `@clerk/clerk-react` `<SignIn/>` + `<ClerkProvider>`',
    beyondReact: { path: 'scripts/size/peers/clerk-sign-in.js' },
    note: 'Clerk\'s <SignIn/> renders nothing by itself: at runtime <ClerkProvider> loads Clerk\'s browser script from Clerk\'s servers, which draws the form. Those bytes come on top.',
  },
];

const sameEntry = (a, b) => a.path === b.path && (a.import ?? '') === (b.import ?? '');

/** One measure: the bundle's size and the limit of the `.size-limit.json` check for it, if there is one. */
async function measure(entry, external, checks) {
  if (!entry) return undefined;
  const { gzip } = await bundleCost({ ...entry, external });
  const check = checks.find((c) => sameEntry(c, entry) && c.external === external);
  return { value: gzip, budget: check?.limitBytes };
}

async function bundleTable() {
  const checks = await sizeChecks();
  const rows = [];
  for (const row of bundleRows) {
    rows.push({ ...row, own: await measure(row.own, peersExternal, checks), beyondReact: await measure(row.beyondReact, reactOnly, checks) });
  }
  return rows;
}

// The journeys take the longest: start them first; the bundles are built while vitest starts up.
const journeys = journeyRows();
const bundles = await bundleTable();
const rows = await journeys;

/** Footnote number per distinct note. */
const notes = new Map();
const footnote = (note) => {
  if (!notes.has(note)) notes.set(note, notes.size + 1);
  return `[${notes.get(note)}]`;
};
const show = (row, n) => (row.unit === 'bytes' ? formatSize(n) : row.unit === 'ms' ? `${n} ms` : String(n));

/** A bundle measure as a cell: its size, then its budget and whether it holds. */
function sizeCell(measured) {
  if (!measured) return '—';
  const { value, budget } = measured;
  if (budget === undefined) return formatSize(value);
  const verdict = value > budget ? `✗ +${formatSize(value - budget)}` : '✓';
  return `${formatSize(value)} (≤ ${formatSize(budget)} ${verdict})`;
}

function target(row) {
  if (row.atMost) {
    if (row.budget === undefined) return '—';
    if (row.gate === undefined) return `≤ ${show(row, row.budget)} (size-limit gate)`;
    return `≤ ${show(row, row.budget)}${row.gate === row.budget ? '' : ` (size-limit gate ${show(row, row.gate)})`}`;
  }
  if (row.budget === undefined) return row.minimum === undefined ? '—' : `printed only (minimum ${show(row, row.minimum)})`;
  if (row.minimum === undefined || row.minimum === row.budget) return `${show(row, row.budget)} (the minimum)`;
  return `${show(row, row.budget)} · minimum ${show(row, row.minimum)}`;
}

function verdict(row) {
  if (row.budget === undefined) return '–';
  if (row.value > row.budget) return `✗ +${show(row, row.value - row.budget)}`;
  if (!row.atMost && row.value < row.budget) return '✓ under budget: lower it';
  if (row.minimum !== undefined && row.value > row.minimum) {
    return `⚠ minimum +${show(row, row.value - row.minimum)} ${footnote(row.note ?? 'above the minimum')}`;
  }
  return '✓';
}

/** Prints a Markdown table with padded columns. */
function printTable(table) {
  const widths = table[0].map((_, column) => Math.max(...table.map((cells) => [...cells[column]].length)));
  const line = (cells) => `| ${cells.map((cell, column) => cell + ' '.repeat(widths[column] - [...cell].length)).join(' | ')} |`;
  console.log(line(table[0]));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const cells of table.slice(1)) console.log(line(cells));
  console.log('');
}

printTable([
  ['min+gzip of an import', 'the library (peers external)', 'beyond React (zod, react-hook-form, TanStack Query … included)'],
  ...bundles.map((row) => [row.note ? `${row.label} ${footnote(row.note)}` : row.label, sizeCell(row.own), sizeCell(row.beyondReact)]),
]);
printTable([
  ['measure', 'value', 'budget / minimum', 'ok'],
  ...rows.map((row) => [row.measure, show(row, row.value), target(row), verdict(row)]),
]);
for (const [note, n] of notes) console.log(`[${n}] ${note}`);
console.log(`\nMeasured in ${((performance.now() - started) / 1000).toFixed(1)} s (bundles from the sources; npm run size checks dist/).`);

const overBudget = (m) => m?.budget !== undefined && m.value > m.budget;
if (strict && (rows.some(overBudget) || bundles.some((row) => overBudget(row.own) || overBudget(row.beyondReact)))) {
  process.exitCode = 1;
}
