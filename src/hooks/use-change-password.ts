import type { PasswordChange } from '../api/schemas';
import { useCustomerClient } from './customer-context';
import * as mutations from './customer-mutations';
import { sealCredentials } from './credentials';
import { useCallerScope } from './use-caller-scope';
import { useCredentialMutation, type CredentialMutationResult } from './use-credential-mutation';

/**
 * Changes the logged-in customer's password (current one required; a wrong one is a 400 with a
 * `currentPassword` detail). Neither password is kept in the mutation state.
 *
 * @example
 * ```tsx
 * const change = useChangePassword();
 * change.mutate({ currentPassword, newPassword });
 * ```
 */
export function useChangePassword(): CredentialMutationResult<void, PasswordChange, undefined> {
  const client = useCustomerClient();
  const { scope } = useCallerScope();
  return useCredentialMutation(mutations.changePassword(client, scope), sealCredentials.changePassword);
}
