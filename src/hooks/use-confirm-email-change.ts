import { useCustomerClient } from './customer-context';
import * as mutations from './customer-mutations';
import { sealCredentials } from './credentials';
import { useCredentialMutation, type CredentialMutationResult } from './use-credential-mutation';

/**
 * Confirms a login-email change with the token mailed to the new address. A logged-in customer's profile is
 * reloaded. The token is not kept in the mutation state.
 *
 * @example
 * ```tsx
 * const confirm = useConfirmEmailChange();
 * <button onClick={() => confirm.mutate({ token: tokenFromUrl })}>Confirm my new email</button>
 * ```
 */
export function useConfirmEmailChange(): CredentialMutationResult<void, { token: string }, undefined> {
  const client = useCustomerClient();
  return useCredentialMutation(mutations.confirmEmailChange(client), sealCredentials.confirmEmailChange);
}
