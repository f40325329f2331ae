import { useCallback } from 'react';
import { useConfirmEmailChange } from '../../hooks/use-confirm-email-change';
import { useMailedTokenFlow, type MailedTokenFlow, type MailedTokenStatus } from '../mailed-token';

/**
 * Where the confirmation stands: `confirming` (in flight, or about to be sent), `confirmed` (the login
 * email is changed), `invalidToken` (the link is unknown, expired or used, or there is no token), `failed`
 * (the request did not get through — `retry()` sends it again).
 */
export type ConfirmEmailChangeStatus = MailedTokenStatus;

/** Options of `useConfirmEmailChangeFlow` (and the matching props of `<ConfirmEmailChange>`). */
export interface UseConfirmEmailChangeFlowOptions {
  /** The token from the confirmation link mailed to the new address (e.g. read from the URL). */
  token: string;
  /** Called once the login email is changed. */
  onSuccess?: () => void;
}

/** `status`, the `error` behind `invalidToken` and `failed`, and `retry()` after a failed request. */
export type ConfirmEmailChangeFlow = MailedTokenFlow;

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
  const { mutate, error, isSuccess, isError } = useConfirmEmailChange();
  const send = useCallback(
    (value: string, done: (data: void) => void) => mutate({ token: value }, { onSuccess: () => done() }),
    [mutate],
  );
  return useMailedTokenFlow<void>({ send, error, isSuccess, isError }, token, onSuccess);
}
