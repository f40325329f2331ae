import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { EmporixError } from '../api/errors';
import type { AddressCreate } from '../api/schemas';
import { useCustomerClient } from './customer-context';
import * as mutations from './customer-mutations';
import { useCallerScope } from './use-caller-scope';

/**
 * Adds an address to the logged-in customer's address book. The API answers only the new id, so the
 * address book is reloaded (one request) before the mutation settles. Never retried on its own: when the
 * network drops, the error has `outcomeUnknown: true` and the address book is reloaded to show whether it
 * was saved.
 *
 * @example
 * ```tsx
 * const create = useCreateAddress();
 * create.mutate({ contactName: 'Jane Doe', street: 'Main St', zipCode: '10115', city: 'Berlin', country: 'DE' });
 * ```
 */
export function useCreateAddress(): UseMutationResult<{ id: string }, EmporixError, AddressCreate> {
  const client = useCustomerClient();
  const { scope } = useCallerScope();
  return useMutation(mutations.createAddress(client, scope));
}
