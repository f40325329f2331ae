import { useCallback } from 'react';
import type { LoginResult } from '../../api/client';
import { useConfirmSignup } from '../../hooks/use-confirm-signup';
import { useMailedTokenFlow, type MailedTokenFlow, type MailedTokenStatus } from '../mailed-token';

/**
 * Where the confirmation stands: `confirming` (in flight), `confirmed` (the account is active and the
 * customer logged in), `invalidToken` (the link is unknown, expired or used, or there is no token — a new
 * one is needed), `failed` (the request did not get through — `retry()` sends it again).
 */
export type ConfirmSignupStatus = MailedTokenStatus;

/** Options of `useConfirmSignupFlow` (and the matching props of `<ConfirmSignup>`). */
export interface UseConfirmSignupFlowOptions {
  /** The activation token from the link the shopper followed (e.g. read from the URL). */
  token: string;
  /** Called once the account is activated and the customer logged in. */
  onSuccess?: (result: LoginResult) => void;
}

/** `status`, the `error` behind `invalidToken` and `failed`, and `retry()` after a failed request. */
export type ConfirmSignupFlow = MailedTokenFlow;

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
  const { mutate, error, isSuccess, isError } = useConfirmSignup();
  const send = useCallback(
    (value: string, done: (result: LoginResult) => void) => mutate(value, { onSuccess: done }),
    [mutate],
  );
  return useMailedTokenFlow({ send, error, isSuccess, isError }, token, onSuccess);
}
