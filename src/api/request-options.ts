/** What the operations share about their inputs and answers. */

/** Options every read accepts, e.g. the `signal` TanStack Query passes to cancel it. */
export interface RequestOptions {
  /** Cancels the request when aborted; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** What a login-like operation tells the app; the tokens stay inside the client. */
export interface LoginResult {
  /** The password was set by an employee and should be changed. */
  initialPassword: boolean;
}

/** A list query value: `a,b,c`. */
export const joinList = (values: readonly string[] | string | undefined): string | undefined =>
  values === undefined ? undefined : typeof values === 'string' ? values : values.join(',');
