import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { EmporixError } from '../api/errors';
import { useCustomerClient } from './customer-context';
import type { Snapshot } from './cache-edits';
import * as mutations from './customer-mutations';
import type { AddressTagsInput } from './customer-mutations';
import { useCallerScope } from './use-caller-scope';

/**
 * Adds tags (e.g. `BILLING`, `SHIPPING`) to an address; shown at once, rolled back if refused.
 *
 * @example
 * ```tsx
 * const addTags = useAddAddressTags();
 * addTags.mutate({ id: address.id, tags: ['BILLING'] });
 * ```
 */
export function useAddAddressTags(): UseMutationResult<void, EmporixError, AddressTagsInput, Snapshot> {
  const client = useCustomerClient();
  const { scope } = useCallerScope();
  return useMutation(mutations.addAddressTags(client, scope));
}
