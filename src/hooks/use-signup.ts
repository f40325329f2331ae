import type { CustomerSignup } from '../api/schemas';
import { useCustomerClient } from './customer-context';
import * as mutations from './customer-mutations';
import { sealCredentials, type SignupVisible } from './credentials';
import { useCredentialMutation, type CredentialMutationResult } from './use-credential-mutation';

/**
 * Creates an account. With double opt-in the account waits for the mailed activation link
 * (`useConfirmSignup`); a taken email is a 409. `variables` keeps everything but the passwords.
 *
 * @example
 * ```tsx
 * const signup = useSignup();
 * signup.mutate({ email, password, customerDetails: { firstName, lastName, contactEmail: email } });
 * ```
 */
export function useSignup(): CredentialMutationResult<{ id: string }, CustomerSignup, SignupVisible> {
  const client = useCustomerClient();
  return useCredentialMutation(mutations.signup(client), sealCredentials.signup);
}
