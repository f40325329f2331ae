/**
 * The account flows that carry a password, a mailed token or a code — and proof that once settled,
 * nothing of it is left in the mutation cache or in the hook result.
 */
import type { QueryClient } from '@tanstack/react-query';
import { act, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CustomerClient } from '../api/client';
import { renderCustomerHook, setupHookTests, shopper } from '../../test/hooks/support';
import { SealedCredentials } from './credentials';
import { useChangePassword } from './use-change-password';
import { useConfirmEmailChange } from './use-confirm-email-change';
import { useConfirmSignup } from './use-confirm-signup';
import { useCustomer } from './use-customer';
import { useExchangeToken } from './use-exchange-token';
import { useLogin } from './use-login';
import { useRequestEmailChange } from './use-request-email-change';
import { useRequestPasswordReset } from './use-request-password-reset';
import { useResendActivation } from './use-resend-activation';
import { useResetPassword } from './use-reset-password';
import { useSession } from './use-session';
import { useSignup } from './use-signup';
import { useSocialLogin } from './use-social-login';

const t = setupHookTests();

/** Every string reachable from `value` (own properties, arrays, maps, sets), functions and class internals aside. */
function reachableStrings(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  const children = value instanceof Map || value instanceof Set ? [...value.entries()] : Object.values(value);
  return children.flatMap((child) => reachableStrings(child, seen));
}

/** Fails if any secret is left in the mutation cache (state and options) or in the hook result. */
function expectNothingKept(queryClient: QueryClient, hookResult: unknown, secrets: readonly string[]) {
  const mutations = queryClient.getMutationCache().getAll();
  expect(mutations.length).toBeGreaterThan(0);
  const kept = [
    ...mutations.flatMap((mutation) => [
      ...reachableStrings(mutation.state),
      ...reachableStrings(mutation.options),
      JSON.stringify(mutation.state),
    ]),
    ...reachableStrings(hookResult),
    JSON.stringify(hookResult),
  ];
  for (const secret of secrets) {
    expect(kept.filter((text) => text.includes(secret))).toEqual([]);
  }
  for (const mutation of mutations) {
    const sealed = mutation.state.variables;
    if (sealed instanceof SealedCredentials) expect(sealed.sent).toBe(true);
  }
}

async function loggedIn(): Promise<CustomerClient> {
  const client = t.client();
  await client.login(shopper);
  return client;
}

describe('useLogin', () => {
  it('logs in and keeps only the email: not in the cache, not in the result, not in callbacks', async () => {
    const client = t.client();
    const { result, queryClient } = renderCustomerHook(() => ({ login: useLogin(), session: useSession() }), { client });
    const onSuccess = vi.fn();
    await act(() => result.current.login.mutateAsync(shopper, { onSuccess }));

    await waitFor(() => expect(result.current.session.status).toBe('customer'));
    await waitFor(() => expect(result.current.login.isSuccess).toBe(true));
    expect(result.current.login.data).toEqual({ initialPassword: false });
    expect(result.current.login.variables).toEqual({ email: shopper.email });
    expect(onSuccess).toHaveBeenCalledWith({ initialPassword: false }, { email: shopper.email });
    expectNothingKept(queryClient, result.current, [shopper.password]);
  });

  it('a refused login keeps the password nowhere either, and says the credentials were wrong', async () => {
    const client = t.client();
    const { result, queryClient } = renderCustomerHook(() => useLogin(), { client });
    const onError = vi.fn();
    await act(() => result.current.mutateAsync({ email: shopper.email, password: 'wrong-password-9' }, { onError }).catch(() => undefined));

    await waitFor(() => expect(result.current.error?.type).toBe('invalid_credentials'));
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ type: 'invalid_credentials' }), { email: shopper.email });
    expect(client.session.getState().status).toBe('anonymous');
    expectNothingKept(queryClient, result.current, ['wrong-password-9']);
  });
});

describe('sign-up with double opt-in', () => {
  it('signs up, resends the activation mail, confirms with its token and logs in — keeping neither password nor token', async () => {
    t.sim().setDoubleOptIn(true);
    const client = t.client();
    const { result, queryClient } = renderCustomerHook(
      () => ({ signup: useSignup(), resend: useResendActivation(), confirm: useConfirmSignup(), customer: useCustomer() }),
      { client },
    );
    const signup = {
      email: 'nia@example.com',
      password: 'nia-secret-1',
      customerDetails: { firstName: 'Nia', lastName: 'New', contactEmail: 'nia@example.com' },
    };
    await act(() => result.current.signup.mutateAsync(signup));
    await waitFor(() => expect(result.current.signup.data?.id).toBe(t.sim().getCustomer('nia@example.com')?.id));
    expect(result.current.signup.variables).toEqual({ email: signup.email, customerDetails: signup.customerDetails });

    await act(() => result.current.resend.mutateAsync({ email: signup.email }));
    expect(t.sim().outbox().filter((mail) => mail.kind === 'activation')).toHaveLength(2);
    const token = t.sim().lastMail('activation', signup.email)?.token ?? '';

    await act(() => result.current.confirm.mutateAsync(token));
    await waitFor(() => expect(result.current.customer.data?.firstName).toBe('Nia'));
    await waitFor(() => expect(result.current.confirm.isSuccess).toBe(true));
    expect(result.current.confirm.variables).toBeUndefined();
    expectNothingKept(queryClient, result.current, [signup.password, token]);
  });
});

describe('passwords', () => {
  it('useChangePassword changes it and keeps neither password', async () => {
    const client = await loggedIn();
    const { result, queryClient } = renderCustomerHook(() => useChangePassword(), { client });
    const change = { currentPassword: shopper.password, newPassword: 'brand-new-pass-2' };
    await act(() => result.current.mutateAsync(change));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    await expect(t.client().login({ email: shopper.email, password: change.newPassword })).resolves.toBeDefined();
    expectNothingKept(queryClient, result.current, [change.currentPassword, change.newPassword]);
  });

  it('a wrong current password is reported on its field', async () => {
    // A validation detail on the field: the shape the forms rely on, not what the live API was seen to send.
    t.sim().setUndocumented({ wrongPassword: 'validation400' });
    const client = await loggedIn();
    const { result } = renderCustomerHook(() => useChangePassword(), { client });
    await act(() => result.current.mutateAsync({ currentPassword: 'not-it-at-all', newPassword: 'brand-new-pass-2' }).catch(() => undefined));
    await waitFor(() => expect(result.current.error?.status).toBe(400));
    expect(result.current.error?.details.map((detail) => detail.field)).toEqual(['currentPassword']);
  });

  it('reset: the request mails a token; the reset sets the password and keeps neither', async () => {
    const client = t.client();
    const { result, queryClient } = renderCustomerHook(() => ({ request: useRequestPasswordReset(), reset: useResetPassword() }), { client });
    await act(() => result.current.request.mutateAsync({ email: shopper.email }));
    const token = t.sim().lastMail('passwordReset', shopper.email)?.token ?? '';
    expect(token).not.toBe('');

    await act(() => result.current.reset.mutateAsync({ token, password: 'after-reset-3' }));
    await waitFor(() => expect(result.current.reset.isSuccess).toBe(true));
    await expect(t.client().login({ email: shopper.email, password: 'after-reset-3' })).resolves.toBeDefined();
    expectNothingKept(queryClient, result.current, [token, 'after-reset-3']);
  });
});

describe('login email change', () => {
  it('request (with password) and confirm (with the mailed token) change the login email; the profile follows', async () => {
    const client = await loggedIn();
    const { result, queryClient } = renderCustomerHook(
      () => ({ request: useRequestEmailChange(), confirm: useConfirmEmailChange(), customer: useCustomer() }),
      { client },
    );
    await waitFor(() => expect(result.current.customer.data?.contactEmail).toBe(shopper.email));
    const change = { email: shopper.email, password: shopper.password, newEmail: 'jane.new@example.com', syncContactEmail: true };
    await act(() => result.current.request.mutateAsync(change));
    await waitFor(() => expect(result.current.request.isSuccess).toBe(true));
    expect(result.current.request.variables).toEqual({ email: change.email, newEmail: change.newEmail, syncContactEmail: true });
    const token = t.sim().lastMail('emailChange', change.newEmail)?.token ?? '';

    await act(() => result.current.confirm.mutateAsync({ token }));
    await waitFor(() => expect(result.current.customer.data?.contactEmail).toBe(change.newEmail));
    await waitFor(() => expect(result.current.confirm.isSuccess).toBe(true));
    expect(t.sim().getCustomer(change.newEmail)).toBeDefined();
    expectNothingKept(queryClient, result.current, [change.password, token]);
  });
});

describe('external identities', () => {
  it('useSocialLogin logs in with the code and keeps neither code nor verifier', async () => {
    const client = t.client();
    const code = t.sim().issueSocialCode('social@example.com', { redirectUri: 'https://shop.example/callback' });
    const { result, queryClient } = renderCustomerHook(() => ({ social: useSocialLogin(), session: useSession() }), { client });
    await act(() =>
      result.current.social.mutateAsync({ code, redirectUri: 'https://shop.example/callback', codeVerifier: 'verifier-abcdefgh' }),
    );
    await waitFor(() => expect(result.current.session.status).toBe('customer'));
    await waitFor(() => expect(result.current.social.isSuccess).toBe(true));
    expect(result.current.social.variables).toEqual({ redirectUri: 'https://shop.example/callback' });
    expectNothingKept(queryClient, result.current, [code, 'verifier-abcdefgh']);
  });

  it('useExchangeToken logs in with the subject token and keeps it nowhere', async () => {
    const client = t.client();
    const subjectAccessToken = t.sim().issueSubjectToken(shopper.email);
    const { result, queryClient } = renderCustomerHook(() => ({ exchange: useExchangeToken(), customer: useCustomer() }), { client });
    await act(() => result.current.exchange.mutateAsync({ subjectAccessToken, config: 'default' }));
    await waitFor(() => expect(result.current.customer.data?.firstName).toBe('Jane'));
    await waitFor(() => expect(result.current.exchange.isSuccess).toBe(true));
    expect(result.current.exchange.variables).toEqual({ config: 'default' });
    expectNothingKept(queryClient, result.current, [subjectAccessToken]);
  });
});
