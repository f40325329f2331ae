/**
 * A storefront's use of every public entry point, as written against the published package. The consumer
 * check (scripts/check-consumer.mjs) copies it into a fresh project that has only the tarball and the
 * peers installed, type-checks it under `moduleResolution` bundler and node16, bundles it, and imports the
 * built entry points in Node. In this repository it is type-checked against src/ (tsconfig paths).
 */
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { RequestHandler } from 'msw';
import {
  CustomerProvider,
  Field,
  FieldError,
  FormError,
  Input,
  Label,
  LoginForm,
  Submit,
  callerScope,
  customerKeys,
  customerQueries,
  loginFormSchema,
  useCustomer,
  useCustomerClient,
  useLogin,
  useLogout,
  useSession,
  type LoginFormValues,
} from 'emporix-customer-react';
import {
  DEFAULT_BASE_URL,
  EmporixError,
  createCustomerClient,
  customerSchema,
  type Customer,
  type CustomerClient,
  type SessionState,
} from 'emporix-customer-react/api';
import { createEmporixSimulator, simulatorDefaults, type EmporixSimulator } from 'emporix-customer-react/testing';
import { createCustomerProxy, type CustomerProxy } from 'emporix-customer-react/server';
import { customerKeys as keysOnTheServer, prefetchAccountPage } from 'emporix-customer-react/queries';
import 'emporix-customer-react/styles.css';

const simulator: EmporixSimulator = createEmporixSimulator();
export const handlers: RequestHandler[] = simulator.handlers;

const client: CustomerClient = createCustomerClient({
  tenant: simulatorDefaults.tenant,
  clientId: simulatorDefaults.clientId,
  baseUrl: DEFAULT_BASE_URL,
  persistence: 'memory',
});
// @ts-expect-error -- the tenant is a string: proves the declarations are real types, not `any`
createCustomerClient({ tenant: 42, clientId: 'x' });

const queryClient = new QueryClient();

/** Proxy session mode: a browser client that keeps no token, and server rendering with the request's cookies. */
export const proxiedClient: CustomerClient = createCustomerClient({ tenant: 'demoshop', clientId: 'demo-client-id', proxy: '/api/emporix' });

export async function renderAccountOnTheServer(request: Request): Promise<Customer | undefined> {
  const proxy: CustomerProxy = createCustomerProxy({ tenant: 'demoshop', clientId: 'demo-client-id' });
  const perRequest = new QueryClient();
  const scope = await prefetchAccountPage(perRequest, proxy.client(request));
  return perRequest.getQueryData<Customer>(keysOnTheServer.profile(scope, ['addresses']));
}

export function describeError(error: unknown): string {
  return error instanceof EmporixError ? `${error.status} ${error.message}` : 'unknown error';
}

export const parsedCustomer: Customer = customerSchema.parse({ id: 'c-1', contactEmail: 'shopper@example.com' });
export const credentials: LoginFormValues = loginFormSchema.parse({ email: simulatorDefaults.email, password: 'secret123' });

function Account() {
  const session = useSession();
  const { data: customer, error } = useCustomer({ expand: ['addresses'] });
  const logout = useLogout();
  const login = useLogin();
  const ownClient = useCustomerClient();
  const cache = useQueryClient();
  if (session.status === 'customer') {
    const state: SessionState = session;
    const scope = callerScope(state);
    void cache.prefetchQuery(customerQueries.profile(ownClient, scope));
    void cache.invalidateQueries({ queryKey: customerKeys.profiles(scope) });
  }
  if (error) return <p role="alert">{describeError(error)}</p>;
  if (customer) {
    return (
      <button type="button" onClick={() => logout.mutate()}>
        Log out {customer.firstName}
      </button>
    );
  }
  return (
    <>
      <LoginForm onSuccess={() => undefined} />
      <LoginForm>
        <FormError />
        <Field name="email">
          <Label>Email</Label>
          <Input type="email" />
          <FieldError />
        </Field>
        <Field name="password">
          <Label>Password</Label>
          <Input type="password" />
          <FieldError />
        </Field>
        <Submit>{login.isPending ? 'Signing in…' : 'Sign in'}</Submit>
      </LoginForm>
    </>
  );
}

export function mount(container: Element) {
  createRoot(container).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <CustomerProvider client={client}>
          <Account />
        </CustomerProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
