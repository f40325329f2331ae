import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { EmporixError } from '../api/errors';
import { useCustomerClient } from './customer-context';
import * as mutations from './customer-mutations';
import type { AddressPatchInput } from './customer-mutations';
import { useCallerScope } from './use-caller-scope';

/**
 * Changes one address (`{ id, patch }`); the address book is reloaded once the server accepted it. Pass the
 * `metadata.version` the form was filled from to have a concurrent change refused (409) rather than
 * overwritten.
 *
 * @example
 * ```tsx
 * const update = useUpdateAddress();
 * update.mutate({ id: address.id, patch: { city: 'Potsdam', metadata: { version: address.metadata?.version } } });
 * ```
 */
export function useUpdateAddress(): UseMutationResult<void, EmporixError, AddressPatchInput> {
  const client = useCustomerClient();
  const { scope } = useCallerScope();
  return useMutation(mutations.updateAddress(client, scope));
}
