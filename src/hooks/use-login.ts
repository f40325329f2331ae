import type { LoginResult } from '../api/client';
import type { PasswordAuthentication } from '../api/schemas';
import { useCustomerClient } from './customer-context';
import * as mutations from './customer-mutations';
import { sealCredentials, type LoginVisible } from './credentials';
import { useCredentialMutation, type CredentialMutationResult } from './use-credential-mutation';

/**
 * Logs a customer in with email and password. A refused login rejects with an `EmporixError` of type
 * `invalid_credentials`. The guest's cached data is dropped and the customer's queries load. The password
 * is not kept: `variables` holds the email only.
 *
 * @example
 * ```tsx
 * const login = useLogin();
 * login.mutate({ email, password }, { onSuccess: () => navigate('/account') });
 * ```
 */
export function useLogin(): CredentialMutationResult<LoginResult, PasswordAuthentication, LoginVisible> {
  const client = useCustomerClient();
  return useCredentialMutation(mutations.login(client), sealCredentials.login);
}
