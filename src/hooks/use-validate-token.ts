import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { EmporixError } from '../api/errors';
import type { ValidateTokenResponse } from '../api/schemas';
import { useCustomerClient } from './customer-context';
import { customerQueries } from './customer-queries';
import { useCallerScope } from './use-caller-scope';

/**
 * What the API says about the customer's token: seconds left (`expires_in`), session id, login email and
 * the legal entity it acts for. Disabled for guests.
 *
 * @example
 * ```tsx
 * const { data: token } = useValidateToken();
 * return token?.legalEntityId ? <p>Ordering for {token.legalEntityId}</p> : null;
 * ```
 */
export function useValidateToken(): UseQueryResult<ValidateTokenResponse, EmporixError> {
  const client = useCustomerClient();
  const { scope, isCustomer } = useCallerScope();
  return useQuery({ ...customerQueries.tokenDetails(client, scope), enabled: isCustomer });
}
