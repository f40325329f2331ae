/**
 * The cache follows the caller: logins drop the guest's data, logouts and expired sessions drop
 * everything (queries and unsent writes), legal-entity switches reload for the new entity, other tabs
 * follow. Fault rows 10, 11, 15 and 16.
 */
import { onlineManager, type QueryClient } from '@tanstack/react-query';
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { CustomerClient } from '../api/client';
import {
  countOf,
  DATA_READS,
  renderCustomerHook,
  renderWithCustomer,
  seedShopper,
  setupHookTests,
  shopper,
  tick,
  twoAddresses,
} from '../../test/hooks/support';
import { callerScope, customerKeys } from './customer-keys';
import { customerQueries } from './customer-queries';
import { useAddresses } from './use-addresses';
import { useConfirmSignup } from './use-confirm-signup';
import { useCustomer } from './use-customer';
import { useExchangeToken } from './use-exchange-token';
import { useLogout } from './use-logout';
import { useSession } from './use-session';
import { useSetDefaultAddress } from './use-set-default-address';
import { useSocialLogin } from './use-social-login';
import { useSwitchLegalEntity } from './use-switch-legal-entity';
import { useUpdateCustomer } from './use-update-customer';
import { useValidateToken } from './use-validate-token';

const t = setupHookTests();

/** Shows the profile's name, and records every name it ever rendered. */
function Profile({ seen = [] }: { seen?: string[] }) {
  const session = useSession();
  const { data: customer } = useCustomer();
  const text = customer ? `${customer.firstName} ${customer.lastName}` : `(${session.status})`;
  seen.push(text);
  return <h1>{text}</h1>;
}

interface LoginHooks {
  confirm: ReturnType<typeof useConfirmSignup>;
  social: ReturnType<typeof useSocialLogin>;
  exchange: ReturnType<typeof useExchangeToken>;
}

/** Every piece of cached query data, as text. */
function cachedText(queryClient: QueryClient): string {
  return JSON.stringify(queryClient.getQueryCache().getAll().map((query) => query.state.data ?? null));
}

describe('login', () => {
  it('(fault row 16) a cached anonymous /me is never rendered as the customer, and is dropped at login', async () => {
    const client = t.client();
    await client.session.ensureAnonymous();
    const { queryClient } = renderCustomerHook(() => null, { client });
    // An app that prefetched the guest's /me: the API's placeholder "Anonymous" profile.
    await queryClient.prefetchQuery(customerQueries.profile(client, callerScope(client.session.getState())));
    expect(cachedText(queryClient)).toContain('Anonymous');

    const seen: string[] = [];
    renderWithCustomer(<Profile seen={seen} />, { client, queryClient });
    await act(() => client.login(shopper));
    expect(await screen.findByRole('heading', { name: 'Jane Doe' })).toBeInTheDocument();
    expect(seen.filter((text) => text.includes('Anonymous'))).toEqual([]);
    expect(cachedText(queryClient)).not.toContain('Anonymous');
  });

  /** Renders a guest's page, runs `start` with the login-like hooks, and expects the customer shown after one /me. */
  async function expectLoggedInBy(client: CustomerClient, start: (hooks: LoginHooks) => Promise<unknown>) {
    const { result, queryClient } = renderCustomerHook(
      (): LoginHooks => ({ confirm: useConfirmSignup(), social: useSocialLogin(), exchange: useExchangeToken() }),
      { client },
    );
    renderWithCustomer(<Profile />, { client, queryClient });
    expect(screen.getByRole('heading')).toHaveTextContent('(anonymous)');
    await act(() => start(result.current));
    expect(await screen.findByRole('heading', { name: 'Nia New' })).toBeInTheDocument();
    await tick(20);
    expect(t.sim().requestCount('getCustomer')).toBe(1);
  }

  it('an opt-in confirmation logs the customer in and loads the profile with one request', async () => {
    t.sim().setDoubleOptIn(true);
    const client = t.client();
    const details = { firstName: 'Nia', lastName: 'New', contactEmail: 'nia@example.com' };
    await client.signup({ email: 'nia@example.com', password: 'nia-secret-1', customerDetails: details });
    const token = t.sim().lastMail('activation', 'nia@example.com')?.token ?? '';
    await expectLoggedInBy(client, (hooks) => hooks.confirm.mutateAsync(token));
  });

  it('a social login logs the customer in and loads the profile with one request', async () => {
    seedShopper(t.sim(), { email: 'nia@example.com', firstName: 'Nia', lastName: 'New' });
    const code = t.sim().issueSocialCode('nia@example.com');
    await expectLoggedInBy(t.client(), (hooks) =>
      hooks.social.mutateAsync({ code, redirectUri: 'https://shop.example/callback' }),
    );
  });

  it('a token exchange logs the customer in and loads the profile with one request', async () => {
    seedShopper(t.sim(), { email: 'nia@example.com', firstName: 'Nia', lastName: 'New' });
    const subjectAccessToken = t.sim().issueSubjectToken('nia@example.com');
    await expectLoggedInBy(t.client(), (hooks) => hooks.exchange.mutateAsync({ subjectAccessToken }));
  });

  it('(fault row 10) customer A\'s load that answers after B logged in is discarded', async () => {
    const bob = seedShopper(t.sim(), { email: 'bob@example.com', firstName: 'Bob', lastName: 'Builder' });
    let holdMe = false;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let arrived!: () => void;
    const heldAtGate = new Promise<void>((resolve) => (arrived = resolve));
    // A network where A's /me answer is slow: it is served (for A) now, but reaches the app only later.
    const slowMe: typeof fetch = async (input, init) => {
      const held = holdMe && new URL(String(input)).pathname.endsWith('/me');
      const response = await fetch(input, init);
      if (!held) return response;
      const body = await response.text();
      arrived();
      await gate;
      return new Response(body, { status: response.status, headers: response.headers });
    };
    const client = t.client({ fetch: slowMe });
    await client.login(shopper);
    const { queryClient } = renderWithCustomer(<p>Shop</p>, { client });

    // A route loader starts loading A's profile; the answer is on its way when B logs in.
    holdMe = true;
    const loading = queryClient.prefetchQuery(customerQueries.profile(client, callerScope(client.session.getState())));
    await heldAtGate;
    holdMe = false;
    // B logs in on the same device (no logout in between: the login replaces A's session).
    await act(() => client.login(bob));
    release();
    await act(() => loading);

    const seen: string[] = [];
    renderWithCustomer(<Profile seen={seen} />, { client, queryClient });
    expect(await screen.findByRole('heading', { name: 'Bob Builder' })).toBeInTheDocument();
    await tick(30);
    expect(seen.filter((text) => text.includes('Jane'))).toEqual([]);
    expect(cachedText(queryClient)).not.toContain('Jane');
  });
});

describe('logout and expiry', () => {
  async function accountPage() {
    const account = seedShopper(t.sim(), {
      email: 'book@example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
      addresses: twoAddresses,
    });
    const client = t.client();
    await client.login(account);
    const view = renderCustomerHook(
      () => {
        const { data: customer } = useCustomer({ expand: ['addresses'] });
        const { data: addresses } = useAddresses();
        return { customer, addresses, setDefault: useSetDefaultAddress(), logout: useLogout(), session: useSession() };
      },
      { client },
    );
    await waitFor(() => expect(view.result.current.addresses).toHaveLength(2));
    return { account, client, ...view };
  }

  it('logout cancels loads in flight and leaves no customer data or write behind', async () => {
    const { result, queryClient } = await accountPage();
    await act(() => result.current.setDefault.mutateAsync('office'));
    expect(queryClient.getMutationCache().getAll()).toHaveLength(1);

    t.sim().setLatency(80);
    void queryClient.invalidateQueries({ queryKey: customerKeys.all });
    await act(() => result.current.logout.mutateAsync());
    await tick(150);

    expect(result.current.session.status).toBe('anonymous');
    expect(result.current.customer).toBeUndefined();
    expect(result.current.addresses).toBeUndefined();
    expect(cachedText(queryClient)).not.toMatch(/Ada|Berlin|Potsdam/);
    expect(queryClient.getQueryCache().findAll({ predicate: (query) => query.state.data !== undefined })).toEqual([]);
    const writesLeft = queryClient.getMutationCache().getAll().map((mutation) => mutation.options.mutationKey?.[2]);
    expect(writesLeft).toEqual(['logout']);
  });

  it('an expired session (refresh refused) leaves no customer data behind', async () => {
    const { result, queryClient } = await accountPage();
    t.sim().expireTokens('customer');
    t.sim().revokeRefreshTokens('customer');
    await act(() => queryClient.invalidateQueries({ queryKey: customerKeys.all }).catch(() => undefined));

    await waitFor(() => expect(result.current.session.status).toBe('anonymous'));
    await tick(20);
    expect(result.current.customer).toBeUndefined();
    expect(cachedText(queryClient)).not.toMatch(/Ada|Berlin|Potsdam/);
  });

  it('(fault row 11) a write paused offline, then a logout, is never sent — not even for the next customer', async () => {
    const bob = seedShopper(t.sim(), { email: 'bob@example.com', firstName: 'Bob', lastName: 'Builder' });
    const client = t.client();
    await client.login(shopper);
    const { result, queryClient } = renderCustomerHook(
      () => {
        const { data: customer } = useCustomer();
        return { customer, update: useUpdateCustomer(), logout: useLogout() };
      },
      { client },
    );
    await waitFor(() => expect(result.current.customer?.firstName).toBe('Jane'));

    act(() => onlineManager.setOnline(false));
    act(() => result.current.update.mutate({ firstName: 'Offline' }));
    await waitFor(() => expect(result.current.update.isPaused).toBe(true));
    expect(result.current.customer?.firstName).toBe('Offline');

    await act(() => result.current.logout.mutateAsync());
    expect(queryClient.getMutationCache().getAll().filter((mutation) => mutation.state.isPaused)).toEqual([]);
    await act(() => client.login(bob));

    act(() => onlineManager.setOnline(true));
    await act(() => queryClient.resumePausedMutations());
    await tick(50);
    expect(t.sim().requestCount('updateCustomer')).toBe(0);
    expect(t.sim().getCustomer(bob.email)?.firstName).toBe('Bob');
    expect(t.sim().getCustomer(shopper.email)?.firstName).toBe('Jane');
    await waitFor(() => expect(result.current.customer?.firstName).toBe('Bob'));
  });
});

describe('legal entities', () => {
  it('(fault row 15) a switch reloads what is shown for the new entity; later renewals keep it', async () => {
    const account = seedShopper(t.sim(), {
      email: 'buyer@example.com',
      firstName: 'Bea',
      lastName: 'Buyer',
      company: 'Acme',
      legalEntities: [
        { id: 'le-berlin', name: 'Acme Berlin' },
        { id: 'le-munich', name: 'Acme Munich' },
      ],
    });
    const client = t.client();
    await client.login(account);
    const rendered: string[] = [];
    const { result, queryClient } = renderCustomerHook(
      () => {
        const { data: customer } = useCustomer();
        const { data: token } = useValidateToken();
        const switchEntity = useSwitchLegalEntity();
        rendered.push(`${switchEntity.status}: ${token?.legalEntityId ?? 'none'}`);
        return { customer, token, switchEntity };
      },
      { client },
    );
    await waitFor(() => expect(result.current.token?.email).toBe(account.email));
    const before = callerScope(client.session.getState());
    expect(result.current.token?.legalEntityId).toBeUndefined();
    expect(result.current.customer?.b2b?.legalEntities?.map((entity) => entity.id)).toEqual(['le-berlin', 'le-munich']);

    t.sim().setLatency(40);
    act(() => result.current.switchEntity.mutate({ legalEntityId: 'le-munich' }));
    await waitFor(() => expect(result.current.switchEntity.isSuccess).toBe(true));
    // Settled only once the shown data was there for the new entity.
    expect(rendered.filter((line) => line.startsWith('success'))).toEqual(expect.arrayContaining(['success: le-munich']));
    expect(rendered).not.toContain('success: none');
    expect(result.current.token?.legalEntityId).toBe('le-munich');
    expect(result.current.customer?.firstName).toBe('Bea');
    expect(queryClient.getQueryCache().findAll({ queryKey: customerKeys.scope(before) })).toEqual([]);

    t.sim().setLatency(0);
    const refreshes = t.sim().requestCount('refreshCustomerToken');
    t.sim().expireTokens('customer');
    await act(() => queryClient.invalidateQueries({ queryKey: customerKeys.all }));
    await waitFor(() => expect(t.sim().requestCount('refreshCustomerToken')).toBe(refreshes + 1));
    await waitFor(() => expect(result.current.token?.legalEntityId).toBe('le-munich'));
    expect(client.session.getState().legalEntityId).toBe('le-munich');
  });
});

describe('a legal-entity switch a day after login', () => {
  it('is refused with login_required: nothing is sent, the customer stays logged in with what is shown', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    onTestFinished(() => void vi.useRealTimers());
    const account = seedShopper(t.sim(), {
      email: 'buyer@example.com',
      firstName: 'Bea',
      lastName: 'Buyer',
      legalEntities: [{ id: 'le-munich', name: 'Acme Munich' }],
    });
    const client = t.client();
    await client.login(account);
    const { result, queryClient } = renderCustomerHook(
      () => ({ session: useSession(), customer: useCustomer().data, switchEntity: useSwitchLegalEntity() }),
      { client },
    );
    await waitFor(() => expect(result.current.customer?.firstName).toBe('Bea'));
    const cached = queryClient.getQueryCache().getAll().length;

    // The refresh token has lapsed; the access token has 29 days left.
    vi.setSystemTime(Date.now() + 25 * 3_600_000);
    act(() => result.current.switchEntity.mutate({ legalEntityId: 'le-munich' }));

    await waitFor(() => expect(result.current.switchEntity.isError).toBe(true));
    expect(result.current.switchEntity.error).toMatchObject({ type: 'login_required' });
    expect(result.current.session).toMatchObject({ status: 'customer', legalEntityId: undefined });
    expect(result.current.customer?.firstName).toBe('Bea');
    expect(queryClient.getQueryCache().getAll()).toHaveLength(cached);
    expect(countOf(t.sim(), 'refreshCustomerToken', 'logout')).toBe(0);
  });
});

describe('other tabs', () => {
  it('a logout and a login in another tab are followed here', async () => {
    const otherTab = t.client();
    const thisTab = t.client();
    await act(() => otherTab.login(shopper));
    await waitFor(() => expect(thisTab.session.getState().status).toBe('customer'));
    const { queryClient } = renderWithCustomer(<Profile />, { client: thisTab });
    expect(await screen.findByRole('heading', { name: 'Jane Doe' })).toBeInTheDocument();

    await act(() => otherTab.logout());
    await waitFor(() => expect(screen.getByRole('heading')).toHaveTextContent('(anonymous)'));
    expect(cachedText(queryClient)).not.toContain('Jane');

    const reads = countOf(t.sim(), ...DATA_READS);
    await act(() => otherTab.login(shopper));
    expect(await screen.findByRole('heading', { name: 'Jane Doe' })).toBeInTheDocument();
    expect(countOf(t.sim(), ...DATA_READS) - reads).toBe(1);
  });
});
