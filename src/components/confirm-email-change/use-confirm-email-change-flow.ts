import { useCallback, useEffect, useRef } from 'react';
import type { EmporixError } from '../../api/errors';
import { useConfirmEmailChange } from '../../hooks/use-confirm-email-change';

/**
 * Where the confirmation stands:
 * - `confirming`: the request is in flight (or about to be sent);
 * - `confirmed`: the login email is changed;
 * - `invalidToken`: the link is unknown, expired or used (or there is no token);
 * - `failed`: the request did not get through (network, server error) — `retry()` sends it again.
 */
export type ConfirmEmailChangeStatus = 'confirming' | 'confirmed' | 'invalidToken' | 'failed';

export interface UseConfirmEmailChangeFlowOptions {
  /** The token from the confirmation link mailed to the new address (e.g. read from the URL). */
  token: string;
  /** Called once the login email is changed. */
  onSuccess?: () => void;
}

export interface ConfirmEmailChangeFlow {
  status: ConfirmEmailChangeStatus;
  /** The failure behind `invalidToken` (when the API refused the token) and `failed`. */
  error: EmporixError | null;
  /** Sends the confirmation again after a `failed` one (the token was not used up). */
  retry: () => void;
}

/** A refused token: a 4xx other than the ones that say nothing about the token (auth, scope, rate limit). */
function refusesToken(error: EmporixError | null): boolean {
  return error !== null && error.status >= 400 && error.status < 500 && ![401, 403, 429].includes(error.status);
}

/**
 * Confirms a login-email change with the mailed token, once on mount — also under React's StrictMode, which
 * runs effects twice: the token is single-use, so a second request would fail — and again only when the
 * token changes. For markup of your own; `<ConfirmEmailChange>` renders it.
 *
 * @example
 * ```tsx
 * const { status, retry } = useConfirmEmailChangeFlow({ token: params.get('token') ?? '' });
 * ```
 */
export function useConfirmEmailChangeFlow({ token, onSuccess }: UseConfirmEmailChangeFlowOptions): ConfirmEmailChangeFlow {
  const confirm = useConfirmEmailChange();
  const { mutate } = confirm;
  const sentFor = useRef<string | null>(null);
  const onSuccessRef = useRef(onSuccess);
  useEffect(() => {
    onSuccessRef.current = onSuccess;
  });

  const send = useCallback(() => {
    sentFor.current = token;
    mutate({ token }, { onSuccess: () => onSuccessRef.current?.() });
  }, [mutate, token]);

  useEffect(() => {
    if (token && sentFor.current !== token) send();
  }, [token, send]);

  const error = confirm.error;
  let status: ConfirmEmailChangeStatus = 'confirming';
  if (!token || refusesToken(error)) status = 'invalidToken';
  else if (confirm.isSuccess) status = 'confirmed';
  else if (confirm.isError) status = 'failed';
  return { status, error, retry: send };
}
