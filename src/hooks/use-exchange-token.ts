import type { LoginResult } from '../api/client';
import { useCustomerClient } from './customer-context';
import * as mutations from './customer-mutations';
import { sealCredentials, type ExchangeTokenInput, type ExchangeTokenVisible } from './credentials';
import { useCredentialMutation, type CredentialMutationResult } from './use-credential-mutation';

/**
 * Exchanges an identity provider's access token for an Emporix customer session. The subject token is not
 * kept: `variables` holds the exchange configuration only.
 *
 * @example
 * ```tsx
 * const exchange = useExchangeToken();
 * exchange.mutate({ subjectAccessToken: idpAccessToken, config: 'default' });
 * ```
 */
export function useExchangeToken(): CredentialMutationResult<LoginResult, ExchangeTokenInput, ExchangeTokenVisible> {
  const client = useCustomerClient();
  return useCredentialMutation(mutations.exchangeToken(client), sealCredentials.exchangeToken);
}
