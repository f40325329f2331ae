/** `emporix-customer-react doctor …` as a developer types it: what it prints and how it exits. */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmporixSimulator } from '../testing';
import { runCli, USAGE } from './cli';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => server.use(...createEmporixSimulator().handlers));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

describe('emporix-customer-react doctor', () => {
  it('prints each check and exits 0 for a tenant set up right', async () => {
    const { code, out, err } = await run('doctor', '--tenant', 'demoshop', '--client-id', 'demo-client-id');
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toMatch(/^Emporix tenant check: "demoshop" at https:\/\/api\.emporix\.io\n/);
    expect(out).toContain('✓ Client id');
    expect(out).toMatch(/\n✓ Anonymous token\s+The anonymous token lives 3599 s \(reference 3599 s\)/);
    expect(out.trimEnd().split('\n').at(-1)).toBe('All set.');
  });

  it('prints the problem with its fix and exits 1 for a wrong client id', async () => {
    const { code, out } = await run('doctor', '--tenant=demoshop', '--client-id=wrong-key', '--origin', 'https://shop.example.com');
    expect(code).toBe(1);
    expect(out).toContain('for a shop on https://shop.example.com');
    expect(out).toMatch(/✗ Client id\s+The API gateway refused the client id: "Invalid ApiKey"/);
    expect(out).toMatch(/\n\s+Fix: Copy the storefront client id from the Emporix Developer Portal/);
    expect(out).toContain('- CORS');
    expect(out.trimEnd().split('\n').at(-1)).toBe('1 problem to fix.');
  });

  it('prints the report as JSON with --json', async () => {
    const { code, out } = await run('doctor', '--json', '--tenant', 'demoshop', '--client-id', 'demo-client-id', '--base-url', 'https://api.emporix.io');
    expect(code).toBe(0);
    const report = JSON.parse(out) as { ok: boolean; tenant: string; findings: unknown[] };
    expect(report).toMatchObject({ ok: true, tenant: 'demoshop', baseUrl: 'https://api.emporix.io' });
    expect(report.findings).toHaveLength(6);
  });

  it('shows the usage for --help, and exits 2 with the usage for a command it cannot run', async () => {
    expect(await run('--help')).toEqual({ code: 0, out: USAGE, err: '' });
    expect(await run('doctor', '-h')).toEqual({ code: 0, out: USAGE, err: '' });
    for (const [args, message] of [
      [['doctor', '--tenant', 'demoshop'], '--tenant and --client-id are required.'],
      [['doctor', '--tenant', 'demoshop', '--client-id'], '--client-id needs a value.'],
      [['doctor', '--tenant', 'demoshop', '--client-id', 'k', '--verbose'], 'Unknown option "--verbose".'],
      [['check', '--tenant', 'demoshop'], 'Unknown command "check".'],
    ] as const) {
      const result = await run(...args);
      expect(result).toEqual({ code: 2, out: '', err: `${message}\n\n${USAGE}` });
    }
  });
});
