/**
 * Social login through an identity provider and the Emporix `socialLogin` endpoint, done safely:
 * PKCE (S256) and a random `state`, kept in this tab's sessionStorage between the redirect out and the
 * callback, checked before the authorization code is spent, and deleted after one use (also when it fails).
 * Both URLs must be https (plain http only on localhost), and every failure of the callback is a rejected
 * promise with an `EmporixError`.
 */
import { checkSecureUrl } from './config';
import { EmporixError } from './errors';

/**
 * Where `beginSocialLogin` sends the shopper: the identity provider's authorization endpoint, with the storefront's
 * registration there.
 */
export interface BeginSocialLoginOptions {
  /** The identity provider's authorization endpoint. */
  authorizeUrl: string;
  /** The storefront's client id at the identity provider. */
  clientId: string;
  /** Where the identity provider sends the shopper back (must match its registration). */
  redirectUri: string;
  /** The scopes to ask the identity provider for, space-separated (e.g. `openid email`); left out when not given. */
  scope?: string;
  /** The tenant's social login configuration name, when it has several providers: the state becomes `{config}--{random}`. */
  config?: string;
}

/** What social login needs of the client. */
export interface SocialLoginTarget<Result> {
  /** The tenant; it names the storage key when `storageNamespace` is not given. */
  readonly tenant: string;
  /** Prefix of the client's storage keys (the client's `storageNamespace`); default: one per tenant. */
  readonly storageNamespace?: string;
  /** Spends the authorization code with the API; the client's `socialLogin` method. */
  socialLogin(input: { code: string; redirectUri: string; codeVerifier?: string }): Promise<Result>;
}

interface PendingSocialLogin {
  state: string;
  codeVerifier: string;
  redirectUri: string;
}

interface Attempt {
  promise: Promise<unknown>;
  settled: boolean;
}

/** Codes this page has spent, per client: a code is sent to the API once, whatever happens after. */
const attemptsByTarget = new WeakMap<object, Map<string, Attempt>>();

function storageKeyOf(target: SocialLoginTarget<unknown>): string {
  return `${target.storageNamespace ?? `emporix-customer-react:${target.tenant}`}:social-login`;
}

/**
 * Builds the identity provider URL to redirect the shopper to, and remembers the PKCE verifier and the
 * state for `completeSocialLogin`. A new call replaces an unfinished one.
 *
 * @example
 * ```ts
 * window.location.assign(await beginSocialLogin(client, { authorizeUrl, clientId, redirectUri, scope: 'openid email' }));
 * ```
 */
export async function beginSocialLogin<Result>(
  target: SocialLoginTarget<Result>,
  options: BeginSocialLoginOptions,
): Promise<string> {
  const url = checkSecureUrl('authorizeUrl', options.authorizeUrl);
  checkSecureUrl('redirectUri', options.redirectUri);
  const storage = tabStorage();
  const codeVerifier = randomBase64Url(32);
  const random = randomBase64Url(16);
  const state = options.config ? `${options.config}--${random}` : random;
  const codeChallenge = await s256(codeVerifier);
  const pending: PendingSocialLogin = { state, codeVerifier, redirectUri: options.redirectUri };
  storage.setItem(storageKeyOf(target), JSON.stringify(pending));
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', options.clientId);
  url.searchParams.set('redirect_uri', options.redirectUri);
  if (options.scope) url.searchParams.set('scope', options.scope);
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
}

/**
 * Finishes a social login on the callback page: checks `state` against the one `beginSocialLogin` kept
 * (a missing or different state is refused before anything is sent), then exchanges the code with the
 * verifier. Calls for the same callback while the first is running share its result; later ones are refused.
 *
 * @example
 * ```ts
 * await completeSocialLogin(client, window.location.href);
 * ```
 */
export async function completeSocialLogin<Result>(
  target: SocialLoginTarget<Result>,
  callbackUrl: string | URL,
): Promise<Result> {
  try {
    return await complete(target, callbackUrl);
  } catch (error) {
    if (error instanceof EmporixError) throw error;
    // Not attached as the cause: a foreign error could quote the code.
    throw new EmporixError({
      status: 0,
      type: 'social_login_failed',
      message: 'The sign-in could not be completed; please sign in again.',
      operation: 'socialLogin',
    });
  }
}

function complete<Result>(target: SocialLoginTarget<Result>, callbackUrl: string | URL): Promise<Result> {
  const url = parseCallback(callbackUrl);
  const code = url.searchParams.get('code') ?? undefined;
  const attempts = attemptsByTarget.get(target) ?? new Map<string, Attempt>();
  attemptsByTarget.set(target, attempts);
  const earlier = code === undefined ? undefined : attempts.get(code);
  if (earlier && !earlier.settled) return earlier.promise as Promise<Result>;
  if (earlier) return Promise.reject(invalidState('This sign-in was already completed; please sign in again.'));

  const pending = takePending(storageKeyOf(target));
  const state = url.searchParams.get('state');
  if (!pending || !state || state !== pending.state) {
    return Promise.reject(invalidState('The sign-in could not be verified (state mismatch); please sign in again.'));
  }
  const providerError = url.searchParams.get('error');
  if (providerError || code === undefined) {
    return Promise.reject(
      new EmporixError({
        status: 0,
        type: 'social_login_failed',
        message: providerError
          ? `The identity provider did not sign the shopper in (${providerError}).`
          : 'The identity provider sent no authorization code.',
        operation: 'socialLogin',
      }),
    );
  }
  const attempt: Attempt = {
    promise: target.socialLogin({ code, redirectUri: pending.redirectUri, codeVerifier: pending.codeVerifier }),
    settled: false,
  };
  attempts.set(code, attempt);
  const settle = () => {
    attempt.settled = true;
  };
  attempt.promise.then(settle, settle);
  return attempt.promise as Promise<Result>;
}

/** Forgets an unfinished social login of this tab (e.g. on logout); `key`: the client's `…:social-login` key. */
export function clearSocialLogin(key: string): void {
  try {
    globalThis.sessionStorage?.removeItem(key);
  } catch {
    // no storage, nothing kept
  }
}

/** The callback URL, resolved against the page; one that cannot be parsed is refused like a wrong state. */
function parseCallback(callbackUrl: string | URL): URL {
  const base = globalThis.location?.href;
  const text = String(callbackUrl);
  if (!URL.canParse(text, base)) throw invalidState('The sign-in callback address could not be read; please sign in again.');
  return new URL(text, base);
}

/** Reads and deletes the pending login in one go: a state and a verifier are good for one callback. */
function takePending(key: string): PendingSocialLogin | undefined {
  let raw: string | null = null;
  try {
    raw = globalThis.sessionStorage?.getItem(key) ?? null;
    globalThis.sessionStorage?.removeItem(key);
  } catch {
    return undefined;
  }
  try {
    const pending = JSON.parse(raw ?? 'null') as Partial<PendingSocialLogin> | null;
    const valid =
      typeof pending?.state === 'string' &&
      typeof pending.codeVerifier === 'string' &&
      typeof pending.redirectUri === 'string';
    return valid ? (pending as PendingSocialLogin) : undefined;
  } catch {
    return undefined;
  }
}

function tabStorage(): Storage {
  try {
    if (globalThis.sessionStorage) return globalThis.sessionStorage;
  } catch {
    // storage blocked: reported below
  }
  throw new EmporixError({
    status: 0,
    type: 'invalid_config',
    message: 'Social login needs sessionStorage (a browser tab) to keep its state between the redirects.',
  });
}

function invalidState(message: string): EmporixError {
  return new EmporixError({ status: 0, type: 'invalid_state', message, operation: 'socialLogin' });
}

function randomBase64Url(bytes: number): string {
  return base64Url(globalThis.crypto.getRandomValues(new Uint8Array(bytes)));
}

async function s256(verifier: string): Promise<string> {
  if (!globalThis.crypto?.subtle) {
    throw new EmporixError({
      status: 0,
      type: 'invalid_config',
      message: 'Social login needs Web Crypto (crypto.subtle), available on https:// pages and localhost.',
    });
  }
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
