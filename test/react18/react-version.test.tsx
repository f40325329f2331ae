/**
 * Runs in the `react18` vitest project only: proves its aliases really put the hook and component tests
 * on React 18 — for the test files, for react-dom, and for the libraries that render (Testing Library, TanStack Query).
 */
import { QueryClient, QueryClientProvider, queryOptions, useQuery } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { version, useId } from 'react';
import { version as domVersion } from 'react-dom';
import { expect, it } from 'vitest';

it('runs on React 18', () => {
  expect(version).toMatch(/^18\./);
  expect(domVersion).toMatch(/^18\./);
});

const probeQuery = queryOptions({ queryKey: ['probe'], queryFn: () => Promise.resolve('ready') });

it('renders hooks from React 18 through Testing Library and TanStack Query without a second React', async () => {
  function Probe() {
    const id = useId();
    const { data } = useQuery(probeQuery);
    // React 18 ids look like :r0:, React 19 ids like «r0» — a second React copy would throw instead.
    return <output data-id={id}>{data ?? 'loading'}</output>;
  }
  render(
    <QueryClientProvider client={new QueryClient()}>
      <Probe />
    </QueryClientProvider>,
  );
  expect(await screen.findByText('ready')).toHaveAttribute('data-id', expect.stringMatching(/^:r\w+:$/));
});
