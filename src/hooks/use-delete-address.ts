import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { EmporixError } from '../api/errors';
import { useCustomerClient } from './customer-context';
import type { Snapshot } from './cache-edits';
import * as mutations from './customer-mutations';
import { useCallerScope } from './use-caller-scope';

/**
 * Deletes an address by id. It disappears at once from every cached copy of the address book and comes
 * back if the server refuses.
 *
 * @example
 * ```tsx
 * const remove = useDeleteAddress();
 * <button onClick={() => remove.mutate(address.id)}>Delete</button>
 * ```
 */
export function useDeleteAddress(): UseMutationResult<void, EmporixError, string, Snapshot> {
  const client = useCustomerClient();
  const { scope } = useCallerScope();
  return useMutation(mutations.deleteAddress(client, scope));
}
