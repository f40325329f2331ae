import type { LoginResult } from '../api/client';
import { useCustomerClient } from './customer-context';
import * as mutations from './customer-mutations';
import { sealCredentials } from './credentials';
import { useCredentialMutation, type CredentialMutationResult } from './use-credential-mutation';

/**
 * Activates a double opt-in account with the token from the mail; the customer is then logged in. The
 * token is not kept in the mutation state.
 *
 * @example
 * ```tsx
 * const confirm = useConfirmSignup();
 * <button onClick={() => confirm.mutate(tokenFromUrl)} disabled={confirm.isPending}>Activate my account</button>
 * ```
 */
export function useConfirmSignup(): CredentialMutationResult<LoginResult, string, undefined> {
  const client = useCustomerClient();
  return useCredentialMutation(mutations.confirmSignup(client), sealCredentials.confirmSignup);
}
