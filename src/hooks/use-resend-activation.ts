import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { EmporixError } from '../api/errors';
import { useCustomerClient } from './customer-context';
import * as mutations from './customer-mutations';

/**
 * Sends the double opt-in activation mail again, e.g. after a login was refused because the account is not
 * activated yet.
 *
 * @example
 * ```tsx
 * const resend = useResendActivation();
 * resend.mutate({ email }, { onSuccess: () => setNotice('Check your inbox.') });
 * ```
 */
export function useResendActivation(): UseMutationResult<void, EmporixError, { email: string }> {
  const client = useCustomerClient();
  return useMutation(mutations.resendActivation(client));
}
