/**
 * Server rendering in plain Node (vitest `ssr` project, no jsdom): every entry point imports with no
 * `window` or `document`, and every default form renders to HTML with `react-dom/server`, sending nothing.
 * The forms are found in the module's exports, so each new one is covered without touching this file.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ComponentType, ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Module = Record<string, unknown>;

/** Props a default form cannot render without; everything else renders from no props at all. */
const requiredProps: Record<string, Record<string, unknown>> = {};

/** Forms that edit the logged-in customer's data: with no data on the server they render a loading status. */
const formsNeedingData = new Set(['ProfileForm']);

/** Forms shipped under a name that does not end in `Form`. */
const formsByName = new Set(['ConfirmSignup', 'ConfirmEmailChange', 'AddressBook']);

function isComponent(value: unknown): value is ComponentType<Record<string, unknown>> {
  if (typeof value === 'function') return true;
  // forwardRef / memo objects
  return typeof value === 'object' && value !== null && typeof (value as { $$typeof?: unknown }).$$typeof === 'symbol';
}

/** Default form components: PascalCase exports named `…Form` (not the `Form` part itself) or listed above. */
function defaultForms(react: Module): [string, ComponentType<Record<string, unknown>>][] {
  return Object.entries(react)
    .filter(([name, value]) => isComponent(value) && ((/^[A-Z]\w+Form$/.test(name)) || formsByName.has(name)))
    .map(([name, value]) => [name, value as ComponentType<Record<string, unknown>>]);
}

// Recorded before any entry point loads: importing must not need (or create) DOM globals.
const globalsBeforeImport = { window: typeof window, document: typeof document };
const entryPoints: [string, Module][] = [
  ['emporix-customer-react', await import('../../src/index')],
  ['emporix-customer-react/api', await import('../../src/api/index')],
  ['emporix-customer-react/testing', await import('../../src/testing/index')],
];
const react = entryPoints[0]![1];
const api = entryPoints[1]![1];

const fetchSpy = vi.fn(() => Promise.reject(new Error('no request may be sent while rendering on the server')));
beforeEach(() => {
  fetchSpy.mockClear();
  vi.stubGlobal('fetch', fetchSpy);
});

describe('entry points in Node without a DOM', () => {
  it('import with no window or document defined', () => {
    expect(globalsBeforeImport).toEqual({ window: 'undefined', document: 'undefined' });
    expect({ window: typeof window, document: typeof document }).toEqual(globalsBeforeImport);
  });

  it.each(entryPoints)('%s exports something', (_name, module) => {
    expect(Object.keys(module).length).toBeGreaterThan(0);
  });

  it('finds the default forms among the exports', () => {
    const names = defaultForms(react).map(([name]) => name);
    expect(names).toContain('LoginForm');
    expect(names).not.toContain('Form');
  });
});

describe('default forms render to HTML on the server', () => {
  function render(Component: ComponentType<Record<string, unknown>>, props: Record<string, unknown>) {
    const createCustomerClient = api.createCustomerClient as (options: Record<string, unknown>) => unknown;
    const CustomerProvider = react.CustomerProvider as ComponentType<{ client: unknown; children?: ReactNode }>;
    const client = createCustomerClient({ tenant: 'ssrshop', clientId: 'ssr-client', persistence: 'memory', fetch: fetchSpy });
    const queryClient = new QueryClient();
    const html = renderToString(
      <QueryClientProvider client={queryClient}>
        <CustomerProvider client={client}>
          <Component {...props} />
        </CustomerProvider>
      </QueryClientProvider>,
    );
    queryClient.clear();
    return html;
  }

  it.each(defaultForms(react))('%s', (name, Component) => {
    const html = render(Component, requiredProps[name] ?? {});
    expect(html.length).toBeGreaterThan(0);
    if (formsNeedingData.has(name)) {
      expect(html).toMatch(/role="status"/);
      expect(html).not.toMatch(/<form[\s>]/);
    } else if (name.endsWith('Form')) {
      expect(html).toMatch(/<form[\s>]/);
      expect(html).toMatch(/<label[\s>]/);
      expect(html).toMatch(/<(button|input)[^>]*type="submit"/);
    }
    // Every label points at a control that exists in the same markup (useId is stable on the server).
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]));
    for (const [, target] of html.matchAll(/<label[^>]*\sfor="([^"]+)"/g)) expect(ids).toContain(target);
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
