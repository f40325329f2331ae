import { useMutation } from '@tanstack/react-query';
import { useCustomerClient } from './customer-context';
import { customerMutations } from './customer-mutations';

/**
 * Logs a customer in with email and password. A refused login rejects with an `EmporixError` of type
 * `invalid_credentials`.
 *
 * @example
 * ```tsx
 * const login = useLogin();
 * login.mutate({ email, password }, { onSuccess: () => navigate('/account') });
 * ```
 */
export function useLogin() {
  const client = useCustomerClient();
  return useMutation(customerMutations.login(client));
}
