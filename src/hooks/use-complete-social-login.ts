import type { LoginResult } from '../api/client';
import { useCustomerClient } from './customer-context';
import * as mutations from './customer-mutations';
import { sealCredentials, type SocialLoginCallback } from './credentials';
import { useCredentialMutation, type CredentialMutationResult } from './use-credential-mutation';

/**
 * Finishes a social login on the page the identity provider redirects back to: pass the page's URL as it
 * is. The `state` is checked against the one `client.beginSocialLogin` kept in this tab before anything is
 * sent, the code and the PKCE verifier are spent once, and the customer is then logged in. The app never
 * reads the code itself; it is not kept in the mutation state either. Every failure is an `EmporixError`
 * (`invalid_state` for a callback this tab did not start, or one already used).
 *
 * @example
 * ```tsx
 * const complete = useCompleteSocialLogin();
 * useEffect(() => complete.mutate(window.location.href, { onSuccess: () => navigate('/account') }), [complete.mutate]);
 * if (complete.isError) return <p role="alert">{complete.error.message}</p>;
 * ```
 */
export function useCompleteSocialLogin(): CredentialMutationResult<LoginResult, SocialLoginCallback, undefined> {
  const client = useCustomerClient();
  return useCredentialMutation(mutations.completeSocialLogin(client), sealCredentials.completeSocialLogin);
}
