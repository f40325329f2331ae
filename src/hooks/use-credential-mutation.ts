/**
 * `useMutation` for the operations that carry a password, a mailed token or an authorization code: the
 * caller passes plain input, the mutation gets it sealed (see `SealedCredentials`), and the result's
 * `variables` — and the `variables` the per-call callbacks receive — are the visible part only.
 */
import { useMutation, type MutateOptions, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { EmporixError } from '../api/errors';
import type { SealedCredentials } from './credentials';

/** Per-call callbacks of a credential mutation; `variables` is what was sent, without its secrets. */
export interface CredentialMutateOptions<TData, TVisible> {
  /** Called after this call succeeded. */
  onSuccess?: (data: TData, variables: TVisible) => void;
  /** Called after this call failed. */
  onError?: (error: EmporixError, variables: TVisible) => void;
  /** Called after this call succeeded or failed. */
  onSettled?: (data: TData | undefined, error: EmporixError | null, variables: TVisible) => void;
}

type Scrubbed<TResult, TData, TInput, TVisible> = TResult extends { variables: infer TSent }
  ? Omit<TResult, 'variables' | 'mutate' | 'mutateAsync'> & {
      /** What was last sent, without its secrets (`undefined` before the first call). */
      variables: [TSent] extends [undefined] ? undefined : TVisible;
      mutate: (input: TInput, options?: CredentialMutateOptions<TData, TVisible>) => void;
      mutateAsync: (input: TInput, options?: CredentialMutateOptions<TData, TVisible>) => Promise<TData>;
    }
  : never;

/** A `useMutation` result whose `variables` never hold a password, token or code. */
export type CredentialMutationResult<TData, TInput, TVisible> = Scrubbed<
  UseMutationResult<TData, EmporixError, SealedCredentials<TInput, TVisible>>,
  TData,
  TInput,
  TVisible
>;

export function useCredentialMutation<TData, TInput, TVisible>(
  options: UseMutationOptions<TData, EmporixError, SealedCredentials<TInput, TVisible>>,
  seal: (input: TInput) => SealedCredentials<TInput, TVisible>,
): CredentialMutationResult<TData, TInput, TVisible> {
  const { mutate, mutateAsync, variables, ...state } = useMutation(options);

  const mutateInput = useCallback(
    (input: TInput, callbacks?: CredentialMutateOptions<TData, TVisible>) => mutate(seal(input), withVisible(callbacks)),
    [mutate, seal],
  );
  const mutateInputAsync = useCallback(
    (input: TInput, callbacks?: CredentialMutateOptions<TData, TVisible>) =>
      mutateAsync(seal(input), withVisible(callbacks)),
    [mutateAsync, seal],
  );

  return {
    ...state,
    variables: variables?.visible,
    mutate: mutateInput,
    mutateAsync: mutateInputAsync,
  } as CredentialMutationResult<TData, TInput, TVisible>;
}

function withVisible<TData, TInput, TVisible>(
  callbacks: CredentialMutateOptions<TData, TVisible> | undefined,
): MutateOptions<TData, EmporixError, SealedCredentials<TInput, TVisible>> | undefined {
  if (!callbacks) return undefined;
  const { onSuccess, onError, onSettled } = callbacks;
  return {
    onSuccess: onSuccess && ((data, sealed) => onSuccess(data, sealed.visible)),
    onError: onError && ((error, sealed) => onError(error, sealed.visible)),
    onSettled: onSettled && ((data, error, sealed) => onSettled(data, error, sealed.visible)),
  };
}
