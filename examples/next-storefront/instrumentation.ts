/**
 * Runs once when the server starts, before it serves a request: without a configured tenant, the simulator
 * starts here, in the Node.js server process (never in a browser bundle or a real tenant's server).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.EMPORIX_TENANT && process.env.EMPORIX_CLIENT_ID) return;
  const { startSimulator } = await import('./lib/simulator');
  startSimulator();
}
