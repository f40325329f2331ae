/**
 * Server rendering in proxy mode, end to end in one process: the server half prefetches the account page
 * with `proxy.client(request)` into a QueryClient of its own and renders HTML with the browser client given
 * the session it rendered for; the page then hydrates that HTML with the dehydrated data. The first HTML
 * shows the customer, hydration matches it, and the browser sends no request for what the server loaded.
 */
import { dehydrate, HydrationBoundary, QueryClient, QueryClientProvider, type DehydratedState } from '@tanstack/react-query';
import { act, screen } from '@testing-library/react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CustomerClient, SessionState } from '../../src/api';
import { AddressBook, CustomerProvider, ProfileForm, useCustomer, useSession } from '../../src';
import { prefetchAccountPage } from '../../src/queries';
import { simulatorDefaults } from '../../src/testing';
import { setupProxyPage } from './support';

const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };
const john = { email: 'john@example.com', password: 'john-secret-1' };
const page = setupProxyPage({
  simulator: {
    customers: [
      { ...jane, firstName: 'Jane', lastName: 'Doe', addresses: [{ contactName: 'Jane Doe', street: 'Elm', city: 'Hamburg', country: 'DE', zipCode: '20095' }] },
      { ...john, firstName: 'John', lastName: 'Roe' },
    ],
  },
});

function AccountSummary() {
  const session = useSession();
  const { data: customer, isPending } = useCustomer({ expand: ['addresses'] });
  if (session.status !== 'customer') return <p>Signed out</p>;
  if (isPending) return <p role="status">Loading your account…</p>;
  return (
    <main>
      <h1>{`Hello, ${customer?.firstName} ${customer?.lastName}`}</h1>
      <ProfileForm />
      <AddressBook />
    </main>
  );
}

function Page({ client, state, queryClient }: { client: CustomerClient; state: DehydratedState; queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <CustomerProvider client={client}>
        <HydrationBoundary state={state}>
          <AccountSummary />
        </HydrationBoundary>
      </CustomerProvider>
    </QueryClientProvider>
  );
}

/** What the server does for a request to `/account`: prefetch with the request's cookies, render, dehydrate. */
async function serverRender(initialSessionGiven = true): Promise<{ html: string; state: DehydratedState; session: SessionState }> {
  const request = new Request(new URL('/account', window.location.origin), {
    headers: { cookie: page.browser().cookieHeader('/account') },
  });
  const serverClient = page.proxy().client(request);
  const queryClient = new QueryClient();
  await prefetchAccountPage(queryClient, serverClient);
  const state = dehydrate(queryClient);
  const session = serverClient.session.getState();
  // The browser client as the server renders it: no storage of its own, the session the server knows.
  const rendering = page.client({ persistence: 'memory', ...(initialSessionGiven ? { initialSession: session } : {}) });
  const html = renderToString(<Page client={rendering} state={state} queryClient={new QueryClient()} />);
  return { html, state, session };
}

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
});

/** Hydrates the server's HTML; returns the errors React recovered from (a mismatch makes it render afresh). */
async function hydrate(html: string, state: DehydratedState, client: CustomerClient): Promise<unknown[]> {
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  const recovered: unknown[] = [];
  await act(async () => {
    root = hydrateRoot(container, <Page client={client} state={state} queryClient={new QueryClient()} />, {
      onRecoverableError: (error) => recovered.push(error),
    });
  });
  return recovered;
}

/** Logs in as a shopper would, in the browser, then leaves the page (the next page load is a new client). */
async function logInInBrowser(who: { email: string; password: string }): Promise<void> {
  const tab = page.client();
  await tab.login(who);
  tab.dispose();
}

const reads = () => page.sim().requests.filter((request) => /getCustomer|listAddresses|getAddress/.test(request.operation));

describe('a server-rendered account page in proxy mode', () => {
  it('shows the customer in the first HTML, hydrates without a mismatch, and sends no request for the data', async () => {
    await logInInBrowser(jane);
    const { html, state, session } = await serverRender();
    expect(html).toContain('Hello, Jane Doe');
    expect(html).toContain('Hamburg');
    expect(reads()).toHaveLength(1);
    const errors = vi.spyOn(console, 'error');

    const recovered = await hydrate(html, state, page.client({ initialSession: session }));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));

    expect(recovered).toEqual([]);
    expect(screen.getByRole('heading', { name: 'Hello, Jane Doe' })).toBeInTheDocument();
    expect(screen.getByLabelText('First name')).toHaveValue('Jane');
    expect(screen.getByText(/Hamburg/)).toBeInTheDocument();
    expect(reads()).toHaveLength(1);
    expect(errors).not.toHaveBeenCalled();
  });

  it('a page loaded with only the cookies (no login stored in this browser) hydrates the same way', async () => {
    const login = await page.browser().send('POST', `/customer/${page.sim().tenant}/login`, { body: jane });
    for (const set of login.setCookies) if (!set.httpOnly) document.cookie = set.raw;
    const { html, state, session } = await serverRender();

    const browserClient = page.client({ initialSession: session });
    expect(await hydrate(html, state, browserClient)).toEqual([]);
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));

    expect(browserClient.session.getState().loginId).toBe(login.json.loginId);
    expect(screen.getByRole('heading', { name: 'Hello, Jane Doe' })).toBeInTheDocument();
    expect(reads()).toHaveLength(1);
  });

  it('without the session the server rendered for, the first HTML cannot show the customer', async () => {
    await logInInBrowser(jane);

    const { html } = await serverRender(false);

    expect(html).not.toContain('Jane');
    expect(html).toContain('Signed out');
  });

  it('each request renders its own customer: nothing of one reaches the page of another', async () => {
    await logInInBrowser(jane);
    const janePage = await serverRender();
    await logInInBrowser(john);
    const johnPage = await serverRender();

    expect(janePage.html).toContain('Hello, Jane Doe');
    expect(johnPage.html).toContain('Hello, John Roe');
    expect(johnPage.html).not.toContain('Jane');
    expect(JSON.stringify(johnPage.state)).not.toContain('Jane');
  });

  it('a page rendered for a login that is over by the time it hydrates drops that login’s data', async () => {
    await logInInBrowser(jane);
    const { html, state, session } = await serverRender();
    // Logged out in another tab before this page hydrated.
    const other = page.client();
    await other.logout();
    const queryClient = new QueryClient();
    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);

    await act(async () => {
      root = hydrateRoot(
        container,
        <Page client={page.client({ initialSession: session })} state={state} queryClient={queryClient} />,
      );
    });

    await expect.poll(() => screen.queryByText('Signed out')).toBeInTheDocument();
    expect(queryClient.getQueryCache().getAll().filter((query) => query.state.data !== undefined)).toEqual([]);
  });
});
