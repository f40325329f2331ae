import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { EmporixError } from '../api/errors';
import { useCustomerClient } from './customer-context';
import * as mutations from './customer-mutations';

/**
 * Logs the customer out. Works offline too: the local session always ends at once, and the cached
 * customer data and every write not yet sent are dropped; the server is told when it can be.
 *
 * @example
 * ```tsx
 * const logout = useLogout();
 * <button onClick={() => logout.mutate()}>Log out</button>
 * ```
 */
export function useLogout(): UseMutationResult<void, EmporixError, void> {
  const client = useCustomerClient();
  return useMutation(mutations.logout(client));
}
