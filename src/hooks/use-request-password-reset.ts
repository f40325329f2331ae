import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { EmporixError } from '../api/errors';
import type { PasswordResetRequest } from '../api/schemas';
import { useCustomerClient } from './customer-context';
import * as mutations from './customer-mutations';

/**
 * Mails a password-reset token. The API answers the same whether or not the email has an account, so the
 * UI should too.
 *
 * @example
 * ```tsx
 * const request = useRequestPasswordReset();
 * request.mutate({ email }, { onSuccess: () => setNotice('If the address has an account, a mail is on its way.') });
 * ```
 */
export function useRequestPasswordReset(): UseMutationResult<void, EmporixError, PasswordResetRequest> {
  const client = useCustomerClient();
  return useMutation(mutations.requestPasswordReset(client));
}
