import { useCallback, useEffect, useRef } from 'react';
import type { LoginResult } from '../../api/client';
import type { EmporixError } from '../../api/errors';
import { useConfirmSignup } from '../../hooks/use-confirm-signup';

/**
 * Where the confirmation stands:
 * - `confirming`: the activation request is in flight;
 * - `confirmed`: the account is active and the customer logged in;
 * - `invalidToken`: the link is unknown, expired or used (or there is no token) — a new one is needed;
 * - `failed`: the request did not get through (network, server error) — `retry()` sends it again.
 */
export type ConfirmSignupStatus = 'confirming' | 'confirmed' | 'invalidToken' | 'failed';

export interface UseConfirmSignupFlowOptions {
  /** The activation token from the link the shopper followed (e.g. read from the URL). */
  token: string;
  /** Called once the account is activated and the customer logged in. */
  onSuccess?: (result: LoginResult) => void;
}

export interface ConfirmSignupFlow {
  status: ConfirmSignupStatus;
  /** The failure of `invalidToken` (when the API refused the token) and `failed`. */
  error: EmporixError | null;
  /** Sends the confirmation again after a `failed` one (the token was not used up). */
  retry: () => void;
}

/** A refused token: any 4xx but the ones that say nothing about the token (auth, scope, rate limit). */
function refusesToken(error: EmporixError | null): boolean {
  return error !== null && error.status >= 400 && error.status < 500 && ![401, 403, 429].includes(error.status);
}

/**
 * Activates a double opt-in account with the mailed token, once on mount — also under React's StrictMode,
 * which runs effects twice: a token is single-use, so a second request would fail — and again only when the
 * token changes. The customer is then logged in. For markup of your own; `<ConfirmSignup>` renders it.
 *
 * @example
 * ```tsx
 * const { status, retry } = useConfirmSignupFlow({ token: params.get('token') ?? '', onSuccess: () => navigate('/account') });
 * ```
 */
export function useConfirmSignupFlow({ token, onSuccess }: UseConfirmSignupFlowOptions): ConfirmSignupFlow {
  const confirm = useConfirmSignup();
  const { mutate } = confirm;
  const sentFor = useRef<string | null>(null);
  const onSuccessRef = useRef(onSuccess);
  useEffect(() => {
    onSuccessRef.current = onSuccess;
  });

  const send = useCallback(() => {
    sentFor.current = token;
    mutate(token, { onSuccess: (result) => onSuccessRef.current?.(result) });
  }, [mutate, token]);

  useEffect(() => {
    if (token && sentFor.current !== token) send();
  }, [token, send]);

  const error = confirm.error;
  let status: ConfirmSignupStatus = 'confirming';
  if (!token || refusesToken(error)) status = 'invalidToken';
  else if (confirm.isSuccess) status = 'confirmed';
  else if (confirm.isError) status = 'failed';
  return { status, error, retry: send };
}
