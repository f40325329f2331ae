import type { PasswordUpdate } from '../api/schemas';
import { useCustomerClient } from './customer-context';
import * as mutations from './customer-mutations';
import { sealCredentials } from './credentials';
import { useCredentialMutation, type CredentialMutationResult } from './use-credential-mutation';

/**
 * Sets a new password with the token from the reset mail. Neither is kept in the mutation state.
 *
 * @example
 * ```tsx
 * const reset = useResetPassword();
 * reset.mutate({ token: tokenFromUrl, password }, { onSuccess: () => navigate('/login') });
 * ```
 */
export function useResetPassword(): CredentialMutationResult<void, PasswordUpdate, undefined> {
  const client = useCustomerClient();
  return useCredentialMutation(mutations.resetPassword(client), sealCredentials.resetPassword);
}
