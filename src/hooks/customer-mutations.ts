/** `mutationOptions` factories: what each write sends, and what it refreshes once it succeeded. */
import { mutationOptions } from '@tanstack/react-query';
import type { CustomerClient, LoginResult } from '../api/client';
import type { EmporixError } from '../api/errors';
import type { PasswordAuthentication } from '../api/schemas';
import { customerKeys } from './customer-keys';

export const customerMutations = {
  /**
   * Logs in; the provider then drops the guest's cached data and customer queries start for the new scope.
   * `gcTime: 0` so the password in the variables does not outlive the mutation.
   */
  login: (client: CustomerClient) =>
    mutationOptions<LoginResult, EmporixError, PasswordAuthentication>({
      mutationKey: customerKeys.mutation('login'),
      mutationFn: (credentials) => client.login(credentials),
      gcTime: 0,
    }),

  logout: (client: CustomerClient) =>
    mutationOptions<void, EmporixError, void>({
      mutationKey: customerKeys.mutation('logout'),
      mutationFn: () => client.logout(),
    }),
};
