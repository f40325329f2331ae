#!/usr/bin/env node
/**
 * `npm run bench`: one table of what the library costs, measured in one run —
 * - bundle cost (min+gzip, peers external) of each `.size-limit.json` check, from the sources (bundle-cost.mjs);
 * - requests per journey at the simulator, round trips and elapsed time of a login under latency, and
 *   re-renders while typing: test/budgets/journeys.bench-run.tsx under vitest.bench.config.ts, the same
 *   measurements and budgets test/budgets/journeys.test.tsx pins.
 *
 *   node scripts/bench.mjs            print the table
 *   node scripts/bench.mjs --strict   and exit 1 if a measure is over its budget
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleCost, formatSize, parseSize, root, sizeChecks } from './bundle-cost.mjs';

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
 * The size budgets the library aims at, per `.size-limit.json` check (by path and import). The limits in
 * that file are the gate `npm run size` enforces today, shown beside them.
 */
const sizeTargets = {
  'scripts/size/whole-library.js': '20 kB',
  'dist/index.js { LoginForm }': '7 kB',
  'dist/api.js *': '6 kB',
};

/** One row per `.size-limit.json` check. */
async function bundleRows() {
  const rows = [];
  for (const check of sizeChecks()) {
    const { gzip } = await bundleCost(check);
    const target = sizeTargets[[check.path, check.import].filter(Boolean).join(' ')];
    rows.push({
      measure: `min+gzip · ${check.name}`,
      value: gzip,
      unit: 'bytes',
      budget: target === undefined ? check.limitBytes : parseSize(target),
      gate: target === undefined ? undefined : check.limitBytes,
      atMost: true,
    });
  }
  return rows;
}

// The journeys take the longest: start them first; the bundles are built while vitest starts up.
const journeys = journeyRows();
const rows = [...(await bundleRows()), ...(await journeys)];

/** Footnote number per distinct note. */
const notes = new Map();
const show = (row, n) => (row.unit === 'bytes' ? formatSize(n) : row.unit === 'ms' ? `${n} ms` : String(n));

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
    const note = row.note ?? 'above the minimum';
    if (!notes.has(note)) notes.set(note, notes.size + 1);
    return `⚠ minimum +${show(row, row.value - row.minimum)} [${notes.get(note)}]`;
  }
  return '✓';
}

const table = [
  ['measure', 'value', 'budget / minimum', 'ok'],
  ...rows.map((row) => [row.measure, show(row, row.value), target(row), verdict(row)]),
];
const widths = table[0].map((_, column) => Math.max(...table.map((cells) => [...cells[column]].length)));
const line = (cells) => `| ${cells.map((cell, column) => cell + ' '.repeat(widths[column] - [...cell].length)).join(' | ')} |`;
console.log(line(table[0]));
console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
for (const cells of table.slice(1)) console.log(line(cells));
console.log('');
for (const [note, n] of notes) console.log(`[${n}] ${note}`);
console.log(`\nMeasured in ${((performance.now() - started) / 1000).toFixed(1)} s (bundles from the sources; npm run size checks dist/).`);

if (strict && rows.some((row) => row.budget !== undefined && row.value > row.budget)) process.exitCode = 1;
