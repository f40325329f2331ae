import type { LoginResult } from '../api/client';
import { useCustomerClient } from './customer-context';
import * as mutations from './customer-mutations';
import { sealCredentials, type SocialLoginInput, type SocialLoginVisible } from './credentials';
import { useCredentialMutation, type CredentialMutationResult } from './use-credential-mutation';

/**
 * Completes a social login with the identity provider's raw code (and PKCE verifier); the customer is then
 * logged in. Code and verifier are not kept: `variables` holds the redirect URI only. On a redirect page
 * prefer `useCompleteSocialLogin`, which also checks the `state` and reads the code for you.
 *
 * @example
 * ```tsx
 * const socialLogin = useSocialLogin();
 * socialLogin.mutate({ code, redirectUri: `${location.origin}/callback`, codeVerifier });
 * ```
 */
export function useSocialLogin(): CredentialMutationResult<LoginResult, SocialLoginInput, SocialLoginVisible> {
  const client = useCustomerClient();
  return useCredentialMutation(mutations.socialLogin(client), sealCredentials.socialLogin);
}
