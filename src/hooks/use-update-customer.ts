import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { EmporixError } from '../api/errors';
import type { CustomerPatch } from '../api/schemas';
import { useCustomerClient } from './customer-context';
import type { Snapshot } from './cache-edits';
import * as mutations from './customer-mutations';
import { useCallerScope } from './use-caller-scope';

/**
 * Patches the logged-in customer's profile. Every cached profile shows the change at once; it is rolled
 * back if the server refuses, and the profile is reloaded once the server accepted it (`isPending` lasts
 * until then). To guard against overwriting changes made elsewhere, pass the `metadata.version` the form
 * was filled from: a stale one is refused with a 409.
 *
 * @example
 * ```tsx
 * const update = useUpdateCustomer();
 * update.mutate({ firstName: 'Jane', metadata: { version: customer.metadata?.version } });
 * ```
 */
export function useUpdateCustomer(): UseMutationResult<void, EmporixError, CustomerPatch, Snapshot> {
  const client = useCustomerClient();
  const { scope } = useCallerScope();
  return useMutation(mutations.updateCustomer(client, scope));
}
