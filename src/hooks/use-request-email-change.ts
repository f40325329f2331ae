import type { ChangeEmailRequest } from '../api/schemas';
import { useCustomerClient } from './customer-context';
import * as mutations from './customer-mutations';
import { sealCredentials, type EmailChangeVisible } from './credentials';
import { useCallerScope } from './use-caller-scope';
import { useCredentialMutation, type CredentialMutationResult } from './use-credential-mutation';

/**
 * Asks to change the login email: current email and password, the new email, and whether the contact
 * email follows. A token is mailed to the new address (`useConfirmEmailChange`). The password is not kept:
 * `variables` holds the rest.
 *
 * @example
 * ```tsx
 * const request = useRequestEmailChange();
 * request.mutate({ email: customer.contactEmail, password, newEmail, syncContactEmail: true });
 * ```
 */
export function useRequestEmailChange(): CredentialMutationResult<void, ChangeEmailRequest, EmailChangeVisible> {
  const client = useCustomerClient();
  const { scope } = useCallerScope();
  return useCredentialMutation(mutations.requestEmailChange(client, scope), sealCredentials.requestEmailChange);
}
