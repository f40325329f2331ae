import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { EmporixError } from '../api/errors';
import { useCustomerClient } from './customer-context';
import * as mutations from './customer-mutations';
import type { SwitchLegalEntityContext, SwitchLegalEntityInput } from './customer-mutations';

/**
 * Acts for another legal entity of a B2B customer (`customer.b2b.legalEntities`). The customer token is
 * renewed bound to it (and later renewals keep it); everything cached for the previous legal entity is
 * dropped, and what was on screen is loaded again before the mutation settles. Once the refresh token has
 * lapsed (a day after login, by the API reference) it fails with `login_required` and nothing changes: the
 * customer stays logged in for the current legal entity and must log in again to switch.
 *
 * @example
 * ```tsx
 * const switchEntity = useSwitchLegalEntity();
 * <select onChange={(e) => switchEntity.mutate({ legalEntityId: e.target.value })}>…</select>
 * ```
 */
export function useSwitchLegalEntity(): UseMutationResult<
  void,
  EmporixError,
  SwitchLegalEntityInput,
  SwitchLegalEntityContext
> {
  const client = useCustomerClient();
  return useMutation(mutations.switchLegalEntity(client));
}
