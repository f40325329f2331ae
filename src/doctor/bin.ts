/** The package's executable (`npx emporix-customer-react …`): runs the command line in Node. */
import { runCli } from './cli';

interface NodeProcess {
  argv: string[];
  exitCode?: number;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

const node = (globalThis as unknown as { process: NodeProcess }).process;

void runCli(node.argv.slice(2), {
  out: (text) => node.stdout.write(text),
  err: (text) => node.stderr.write(text),
}).then(
  (code) => {
    node.exitCode = code;
  },
  (error: unknown) => {
    node.stderr.write(`The tenant check failed unexpectedly: ${error instanceof Error ? error.message : String(error)}\n`);
    node.exitCode = 1;
  },
);
