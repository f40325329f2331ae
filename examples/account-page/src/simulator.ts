/**
 * The built-in Emporix simulator in a service worker, set up like a tenant for this app: double opt-in,
 * mails whose links lead to this app's routes, and one tenant for every tab and across reloads. Loaded
 * only when no real tenant is configured.
 */
import { setupWorker } from 'msw/browser';
import { createEmporixSimulator, simulatorDefaults, type EmporixSimulator } from 'emporix-customer-react/testing';
import { paths } from './paths';

export async function startSimulator(): Promise<EmporixSimulator> {
  const app = new URL(import.meta.env.BASE_URL, window.location.origin).href.replace(/\/$/, '');
  const simulator = createEmporixSimulator({
    activation: 'doubleOptIn',
    mailLinks: {
      activation: `${app}${paths.confirmSignup}?token={token}`,
      passwordReset: `${app}${paths.resetPassword}?token={token}`,
      emailChange: `${app}${paths.confirmEmail}?token={token}`,
    },
    // Each tab runs a simulator of its own; they share the tenant (and know each other's tokens) through storage.
    persist: { storage: window.localStorage },
    // The seeded shopper buys for two companies, so the account page offers to switch between them.
    legalEntities: {
      [simulatorDefaults.email]: [
        { id: 'LE-ACME', name: 'Acme Retail GmbH' },
        { id: 'LE-GLOBEX', name: 'Globex Trading AG' },
      ],
    },
  });
  await setupWorker(...simulator.handlers).start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  return simulator;
}
