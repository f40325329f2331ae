/**
 * The query functions behind `customerQueries`. Besides calling the client they keep the request count
 * down: a profile loaded with its addresses already holds the address book and the plain profile, so
 *
 * - when it loads, it seeds the address list and the plain profile caches, and
 * - a plain profile, the address list or a single address that is due while such a richer query is on its
 *   way waits for that one instead of sending a request of its own.
 *
 * So an account page showing the profile with its addresses and an address book costs one request, however
 * its components are ordered. Every function checks that its answer is still for the caller of its key.
 */
import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import type { CustomerClient } from '../api/client';
import type { AddressDto, Customer, ValidateTokenResponse } from '../api/schemas';
import { assertCaller, readFor } from './caller-guard';
import { customerKeys, normalizeExpand, type CallerScope } from './customer-keys';

export interface LoaderContext {
  client: QueryClient;
  signal: AbortSignal;
}

const ADDRESSES = 'addresses';

/** The `expand` list of a profile key (`[]` for any other key). */
export function expandOfKey(key: QueryKey): readonly string[] {
  const params = key[3];
  if (key[2] !== 'profile' || typeof params !== 'object' || params === null) return [];
  const expand = (params as { expand?: unknown }).expand;
  return Array.isArray(expand) ? expand.filter((value): value is string => typeof value === 'string') : [];
}

/** Whether a cached query holds (part of) the caller's address book. */
export function holdsAddresses(key: QueryKey): boolean {
  return key[2] === ADDRESSES || expandOfKey(key).includes(ADDRESSES);
}

async function loadProfile(
  client: CustomerClient,
  scope: CallerScope,
  expand: readonly string[],
  { client: queryClient, signal }: LoaderContext,
): Promise<Customer> {
  const wanted = normalizeExpand(expand);
  if (!wanted.includes(ADDRESSES)) {
    const richer = await inFlight(queryClient, signal, customerKeys.profile(scope, [...wanted, ADDRESSES]), true);
    const customer = richer === undefined ? undefined : await settled<Customer>(richer);
    if (customer) {
      assertCaller(client, scope, 'getCustomer');
      return withoutAddresses(customer);
    }
  }
  const startedAt = Date.now();
  const customer = await readFor(client, scope, 'getCustomer', () =>
    client.getCustomer({ expand: wanted.length > 0 ? wanted : undefined }, { signal }),
  );
  if (wanted.includes(ADDRESSES) && !signal.aborted) {
    seed(queryClient, customerKeys.addressList(scope), customer.addresses ?? [], startedAt);
    const plain = customerKeys.profile(scope, wanted.filter((name) => name !== ADDRESSES));
    seed(queryClient, plain, withoutAddresses(customer), startedAt);
  }
  return customer;
}

async function loadAddressList(
  client: CustomerClient,
  scope: CallerScope,
  { client: queryClient, signal }: LoaderContext,
): Promise<AddressDto[]> {
  const profile = await inFlight(queryClient, signal, customerKeys.profiles(scope), false);
  const customer = profile === undefined ? undefined : await settled<Customer>(profile);
  if (customer?.addresses) {
    assertCaller(client, scope, 'listAddresses');
    return customer.addresses;
  }
  return readFor(client, scope, 'listAddresses', () => client.listAddresses({ signal }));
}

async function loadAddress(
  client: CustomerClient,
  scope: CallerScope,
  id: string,
  { client: queryClient, signal }: LoaderContext,
): Promise<AddressDto> {
  const source =
    (await inFlight(queryClient, signal, customerKeys.addressList(scope), true)) ??
    findFetching(queryClient, customerKeys.profiles(scope), false);
  const data = source === undefined ? undefined : await settled<AddressDto[] | Customer>(source);
  const found = (Array.isArray(data) ? data : data?.addresses)?.find((address) => address.id === id);
  if (found) {
    assertCaller(client, scope, 'getAddress');
    return found;
  }
  return readFor(client, scope, 'getAddress', () => client.getAddress(id, { signal }));
}

async function loadTokenDetails(
  client: CustomerClient,
  scope: CallerScope,
  { signal }: LoaderContext,
): Promise<ValidateTokenResponse> {
  return readFor(client, scope, 'validateToken', () => client.validateToken({ signal }));
}

/**
 * The query functions, bound to a client (the client is not part of a query key: keys name the caller).
 * Calling them through this object is also what keeps `@tanstack/query/exhaustive-deps` from asking for the
 * client in every key, as it would for `queryFn: (context) => loadProfile(client, …)`.
 */
export function customerLoaders(client: CustomerClient) {
  return {
    profile: (scope: CallerScope, expand: readonly string[], context: LoaderContext) =>
      loadProfile(client, scope, expand, context),
    addresses: (scope: CallerScope, context: LoaderContext) => loadAddressList(client, scope, context),
    address: (scope: CallerScope, id: string, context: LoaderContext) => loadAddress(client, scope, id, context),
    tokenDetails: (scope: CallerScope, context: LoaderContext) => loadTokenDetails(client, scope, context),
  };
}

function withoutAddresses(customer: Customer): Customer {
  const { addresses: _addresses, ...profile } = customer;
  return profile;
}

/**
 * A query that is fetching right now and can answer for the caller: the exact `key`, or (not `exact`) a
 * profile under `key` loaded with its addresses. It first lets the other queries mounted in the same
 * commit start: React runs all their subscriptions in one go, so one microtask later they are on their way.
 */
async function inFlight(
  queryClient: QueryClient,
  signal: AbortSignal,
  key: QueryKey,
  exact: boolean,
): Promise<Query | undefined> {
  await Promise.resolve();
  if (signal.aborted) return undefined;
  return findFetching(queryClient, key, exact);
}

function findFetching(queryClient: QueryClient, key: QueryKey, exact: boolean): Query | undefined {
  return queryClient
    .getQueryCache()
    .findAll({ queryKey: key, exact, fetchStatus: 'fetching' })
    .find((query) => exact || expandOfKey(query.queryKey).includes(ADDRESSES));
}

/** The data the query is fetching, or `undefined` if that fetch fails or is cancelled (then we ask ourselves). */
async function settled<T>(query: Query): Promise<T | undefined> {
  try {
    return (await query.promise) as T | undefined;
  } catch {
    return undefined;
  }
}

/** Puts data into a cache entry unless that entry got newer data after `startedAt` (e.g. an optimistic edit). */
function seed<T>(queryClient: QueryClient, key: QueryKey, data: T, startedAt: number): void {
  const state = queryClient.getQueryState(key);
  if (state && state.dataUpdatedAt > startedAt) return;
  queryClient.setQueryData(key, data);
}

/** An address as the list or a profile loaded with its addresses has it cached, and when that was loaded. */
export function cachedAddress(
  queryClient: QueryClient,
  scope: CallerScope,
  id: string,
): { address: AddressDto; updatedAt: number } | undefined {
  const sources = [
    queryClient.getQueryCache().find({ queryKey: customerKeys.addressList(scope), exact: true }),
    ...queryClient
      .getQueryCache()
      .findAll({ queryKey: customerKeys.profiles(scope) })
      .filter((query) => expandOfKey(query.queryKey).includes(ADDRESSES)),
  ];
  for (const query of sources) {
    const data = query?.state.data as AddressDto[] | Customer | undefined;
    const address = (Array.isArray(data) ? data : data?.addresses)?.find((candidate) => candidate.id === id);
    if (query && address) return { address, updatedAt: query.state.dataUpdatedAt };
  }
  return undefined;
}
