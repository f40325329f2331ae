/**
 * The command line of the package: `emporix-customer-react doctor --tenant T --client-id C [--base-url U]
 * [--origin O] [--json]`. Prints the tenant check and ends with 0 when nothing is a problem, 1 when something
 * is, 2 when the command itself is wrong.
 */
import { formatDoctorReport } from './format-report';
import { runDoctor, type DoctorOptions } from './run-doctor';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** A `fetch` of your own (tests); default the global one. */
  fetch?: typeof globalThis.fetch;
}

export const USAGE = `Usage: emporix-customer-react doctor --tenant <tenant> --client-id <storefront client id> [options]

Checks, without creating anything, that a tenant and its storefront client id work with the Emporix API:
anonymous login and refresh, token lifetimes, the Customer Service, and CORS for your shop's origin.

Options:
  --tenant <name>        the tenant, as in the Emporix Developer Portal
  --client-id <id>       the storefront API key (client id)
  --base-url <url>       the API origin (default https://api.emporix.io)
  --origin <origin>      your shop's origin, e.g. https://shop.example.com, to check CORS
  --json                 print the report as JSON
  -h, --help             show this help
`;

const VALUE_OPTIONS = { '--tenant': 'tenant', '--client-id': 'clientId', '--base-url': 'baseUrl', '--origin': 'origin' } as const;

type Parsed = { help: true } | { help: false; json: boolean; options: Partial<Record<(typeof VALUE_OPTIONS)[keyof typeof VALUE_OPTIONS], string>> };

function parse(args: readonly string[]): Parsed | string {
  const [command, ...rest] = args;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') return { help: true };
  if (command !== 'doctor') return `Unknown command "${command}".`;
  const options: Partial<Record<(typeof VALUE_OPTIONS)[keyof typeof VALUE_OPTIONS], string>> = {};
  let json = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg === '-h' || arg === '--help') return { help: true };
    if (arg === '--json') {
      json = true;
      continue;
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const key = VALUE_OPTIONS[name as keyof typeof VALUE_OPTIONS];
    if (!key) return `Unknown option "${name}".`;
    const value = inline ?? rest[++i];
    if (value === undefined || value.startsWith('--')) return `${name} needs a value.`;
    options[key] = value;
  }
  if (!options.tenant || !options.clientId) return '--tenant and --client-id are required.';
  return { help: false, json, options };
}

export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parse(args);
  if (typeof parsed === 'string') {
    io.err(`${parsed}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.help) {
    io.out(USAGE);
    return 0;
  }
  const options: DoctorOptions = {
    tenant: parsed.options.tenant as string,
    clientId: parsed.options.clientId as string,
    ...(parsed.options.baseUrl ? { baseUrl: parsed.options.baseUrl } : {}),
    ...(parsed.options.origin ? { origin: parsed.options.origin } : {}),
    ...(io.fetch ? { fetch: io.fetch } : {}),
  };
  const report = await runDoctor(options);
  io.out(parsed.json ? `${JSON.stringify(report, null, 2)}\n` : formatDoctorReport(report));
  return report.ok ? 0 : 1;
}
