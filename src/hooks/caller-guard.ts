/**
 * Keys and writes are bound to the caller they were made for, but the client always sends the token of
 * whoever is logged in *now*. These checks close the gap: a read or write made for one caller is never
 * sent, or stored, once another caller has taken over.
 */
import type { CustomerClient } from '../api/client';
import { EmporixError, notLoggedInError } from '../api/errors';
import { callerScope, SIGNED_OUT, type CallerScope } from './customer-keys';

export function currentScope(client: CustomerClient): CallerScope {
  return callerScope(client.session.getState());
}

export function isCurrentCaller(client: CustomerClient, scope: CallerScope): boolean {
  return currentScope(client) === scope;
}

/** Throws unless `scope` is still the caller's: before a request is sent and before its answer is kept. */
export function assertCaller(client: CustomerClient, scope: CallerScope, operation: string): void {
  if (isCurrentCaller(client, scope)) return;
  if (scope === SIGNED_OUT) throw notLoggedInError(operation);
  throw new EmporixError({
    status: 0,
    type: 'session_changed',
    message: 'The logged-in customer changed, so this was not sent or its answer was dropped.',
    operation,
  });
}

/** Sends a read for `scope` and keeps its answer only if `scope` is still the caller's when it arrives. */
export async function readFor<T>(
  client: CustomerClient,
  scope: CallerScope,
  operation: string,
  read: () => Promise<T>,
): Promise<T> {
  assertCaller(client, scope, operation);
  const data = await read();
  assertCaller(client, scope, operation);
  return data;
}
