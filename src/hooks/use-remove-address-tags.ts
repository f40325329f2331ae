import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { EmporixError } from '../api/errors';
import { useCustomerClient } from './customer-context';
import type { Snapshot } from './cache-edits';
import * as mutations from './customer-mutations';
import type { AddressTagsInput } from './customer-mutations';
import { useCallerScope } from './use-caller-scope';

/**
 * Removes tags from an address; shown at once, rolled back if refused.
 *
 * @example
 * ```tsx
 * const removeTags = useRemoveAddressTags();
 * removeTags.mutate({ id: address.id, tags: ['SHIPPING'] });
 * ```
 */
export function useRemoveAddressTags(): UseMutationResult<void, EmporixError, AddressTagsInput, Snapshot> {
  const client = useCustomerClient();
  const { scope } = useCallerScope();
  return useMutation(mutations.removeAddressTags(client, scope));
}
