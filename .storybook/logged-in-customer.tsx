/**
 * Story support for the forms a logged-in customer uses: logs the simulator's seeded shopper in before
 * showing them. Not part of the package's public API.
 */
import { useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';
import type { PasswordAuthentication } from '../src/api/schemas';
import { useLogin } from '../src/hooks/use-login';
import { useSession } from '../src/hooks/use-session';
import { simulatorDefaults } from '../src/testing/constants';

export interface LoggedInCustomerProps {
  /** Whom to log in; the simulator's seeded shopper by default. */
  credentials?: PasswordAuthentication;
  children?: ReactNode;
}

/**
 * Logs the customer in (once, also under StrictMode) and shows "Logging in…" until then. Once the customer
 * was logged in, the children stay even if the session ends later, so a story can show how a form reacts.
 */
export function LoggedInCustomer({ credentials = simulatorDefaults, children }: LoggedInCustomerProps) {
  const session = useSession();
  const login = useLogin();
  const { mutate } = login;
  const started = useRef(false);
  const [wasLoggedIn, setWasLoggedIn] = useState(false);
  if (session.status === 'customer' && !wasLoggedIn) setWasLoggedIn(true);

  useEffect(() => {
    if (started.current || session.status !== 'anonymous') return;
    started.current = true;
    mutate({ email: credentials.email, password: credentials.password });
  }, [session.status, mutate, credentials.email, credentials.password]);

  if (wasLoggedIn) return <>{children}</>;
  if (login.isError) return <p role="alert">Could not log the shopper in: {login.error.message}</p>;
  return <p role="status">Logging in…</p>;
}

/** A story decorator rendering the story inside {@link LoggedInCustomer}. */
export function withLoggedInCustomer(Story: ComponentType) {
  return (
    <LoggedInCustomer>
      <Story />
    </LoggedInCustomer>
  );
}

/**
 * Runs `setup` once, before its children mount — e.g. to slow down or break the simulator for the request
 * the children are about to make (after the login, which happened before).
 */
export function BeforeFirstRender({ setup, children }: { setup: () => void; children?: ReactNode }) {
  useState(setup);
  return <>{children}</>;
}
