import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { EmporixError } from '../api/errors';
import { useCustomerClient } from './customer-context';
import type { Snapshot } from './cache-edits';
import * as mutations from './customer-mutations';
import { useCallerScope } from './use-caller-scope';

/**
 * Makes an address the default one. The previous default loses its flag at once — in the address book,
 * in profiles loaded with their addresses and in single addresses — and everything is rolled back if the
 * server refuses. One write, then at most one request to reload.
 *
 * @example
 * ```tsx
 * const setDefault = useSetDefaultAddress();
 * <button onClick={() => setDefault.mutate(address.id)} disabled={address.isDefault}>Make default</button>
 * ```
 */
export function useSetDefaultAddress(): UseMutationResult<void, EmporixError, string, Snapshot> {
  const client = useCustomerClient();
  const { scope } = useCallerScope();
  return useMutation(mutations.setDefaultAddress(client, scope));
}
