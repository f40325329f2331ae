/**
 * What the writes do to the cache: optimistic edits of every cached copy of what they change (with a
 * snapshot to roll back to), and the refresh afterwards, limited to what the write changed.
 *
 * A customer's address book may be cached three ways — the list, profiles loaded with their addresses,
 * single addresses — and an edit applies to all of them at once, so the previous default address loses
 * its flag everywhere in the same render.
 */
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { EmporixError } from '../api/errors';
import type { AddressDto, Customer, CustomerPatch } from '../api/schemas';
import { customerKeys, scopeOfKey, type CallerScope } from './customer-keys';
import { holdsAddresses } from './customer-loaders';

/** Cache entries as they were before an optimistic edit. */
export type Snapshot = ReadonlyArray<readonly [QueryKey, unknown]>;

type AddressLike = Pick<AddressDto, 'id' | 'isDefault' | 'tags'>;

/** A change to a list of addresses; returns the same array when nothing changed. */
export type AddressEdit = <A extends AddressLike>(addresses: readonly A[]) => readonly A[];

export const addressEdits = {
  setDefault:
    (id: string): AddressEdit =>
    (addresses) =>
      mapChanged(addresses, (address) => {
        const isDefault = address.id === id;
        return Boolean(address.isDefault) === isDefault ? address : { ...address, isDefault };
      }),
  addTags:
    (id: string, tags: readonly string[]): AddressEdit =>
    (addresses) =>
      mapChanged(addresses, (address) => {
        if (address.id !== id) return address;
        const next = [...new Set([...(address.tags ?? []), ...tags])];
        return next.length === (address.tags ?? []).length ? address : { ...address, tags: next };
      }),
  removeTags:
    (id: string, tags: readonly string[]): AddressEdit =>
    (addresses) =>
      mapChanged(addresses, (address) => {
        if (address.id !== id) return address;
        const next = (address.tags ?? []).filter((tag) => !tags.includes(tag));
        return next.length === (address.tags ?? []).length ? address : { ...address, tags: next };
      }),
  remove:
    (id: string): AddressEdit =>
    (addresses) =>
      addresses.some((address) => address.id === id) ? addresses.filter((address) => address.id !== id) : addresses,
};

function mapChanged<A>(items: readonly A[], change: (item: A) => A): readonly A[] {
  let changed = false;
  const next = items.map((item) => {
    const result = change(item);
    if (result !== item) changed = true;
    return result;
  });
  return changed ? next : items;
}

/** Applies `edit` to every cached copy of the caller's address book; returns what to restore on failure. */
export function editAddressBook(queryClient: QueryClient, scope: CallerScope, edit: AddressEdit): Snapshot {
  const snapshot: Array<readonly [QueryKey, unknown]> = [];
  const change = <T>(key: QueryKey, next: (data: T) => T): void => {
    const data = queryClient.getQueryData<T>(key);
    if (data === undefined) return;
    const updated = next(data);
    if (updated === data) return;
    snapshot.push([key, data]);
    queryClient.setQueryData(key, updated);
  };

  change<AddressDto[]>(customerKeys.addressList(scope), (list) => edit(list) as AddressDto[]);
  for (const { queryKey } of queryClient.getQueryCache().findAll({ queryKey: customerKeys.profiles(scope) })) {
    if (!holdsAddresses(queryKey)) continue;
    change<Customer>(queryKey, (customer) => {
      const addresses = edit(customer.addresses ?? []);
      return addresses === customer.addresses ? customer : withAddresses(customer, addresses as Customer['addresses']);
    });
  }
  for (const { queryKey } of queryClient.getQueryCache().findAll({ queryKey: customerKeys.addressDetails(scope) })) {
    // A deleted address keeps its single-address entry until the server confirmed (then it is removed).
    change<AddressDto>(queryKey, (address) => edit([address])[0] ?? address);
  }
  return snapshot;
}

function withAddresses(customer: Customer, addresses: Customer['addresses']): Customer {
  if (!('defaultAddress' in customer)) return { ...customer, addresses };
  const { defaultAddress: _previous, ...rest } = customer;
  const defaultAddress = addresses?.find((address) => address.isDefault);
  return defaultAddress ? { ...rest, addresses, defaultAddress } : { ...rest, addresses };
}

/** Applies a profile patch to every cached profile of the caller; returns what to restore on failure. */
export function editProfiles(queryClient: QueryClient, scope: CallerScope, patch: CustomerPatch): Snapshot {
  const snapshot: Array<readonly [QueryKey, unknown]> = [];
  for (const [queryKey, data] of queryClient.getQueriesData<Customer>({ queryKey: customerKeys.profiles(scope) })) {
    if (data === undefined) continue;
    snapshot.push([queryKey, data]);
    queryClient.setQueryData(queryKey, patchProfile(data, patch));
  }
  return snapshot;
}

/**
 * The profile as the server will have it after the patch: top-level fields replaced (`null` removes one),
 * `mixins` and `b2b` merged. `metadata` is the server's to change.
 */
function patchProfile(customer: Customer, patch: CustomerPatch): Customer {
  const { metadata: _metadata, mixins, b2b, ...fields } = patch;
  const next: Record<string, unknown> = { ...customer };
  for (const [field, value] of Object.entries(fields)) {
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  if (mixins) next.mixins = { ...customer.mixins, ...mixins };
  if (b2b) next.b2b = { ...customer.b2b, ...b2b };
  return next as Customer;
}

export function restore(queryClient: QueryClient, snapshot: Snapshot | undefined): void {
  for (const [queryKey, data] of snapshot ?? []) queryClient.setQueryData(queryKey, data);
}

/** Stops loads that could land on top of an optimistic edit with data from before it. */
export function cancelAddressBook(queryClient: QueryClient, scope: CallerScope): Promise<void> {
  return queryClient.cancelQueries({
    queryKey: customerKeys.scope(scope),
    predicate: ({ queryKey }) => holdsAddresses(queryKey),
  });
}

export function cancelProfiles(queryClient: QueryClient, scope: CallerScope): Promise<void> {
  return queryClient.cancelQueries({ queryKey: customerKeys.profiles(scope) });
}

/**
 * Reloads what an address write changed: the list, single addresses, and profiles that carry addresses
 * (or a default address). Only queries on screen are fetched — and as one request when a profile with its
 * addresses is among them (see `customer-loaders.ts`); the others are fetched when next shown.
 */
export function refreshAddressBook(queryClient: QueryClient, scope: CallerScope): Promise<void> {
  return queryClient.invalidateQueries({
    queryKey: customerKeys.scope(scope),
    predicate: ({ queryKey, state }) =>
      holdsAddresses(queryKey) ||
      (queryKey[2] === 'profile' && typeof state.data === 'object' && state.data !== null && 'defaultAddress' in state.data),
  });
}

export function refreshProfiles(queryClient: QueryClient, scope: CallerScope): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: customerKeys.profiles(scope) });
}

/**
 * Whether the server's data may differ from the cache after a write settled: it succeeded, its outcome is
 * unknown (network drop), or the server refused it as stale (409) — but not after a plain refusal, which
 * changed nothing (and the optimistic edit was rolled back).
 */
export function serverMayHaveChanged(error: EmporixError | null): boolean {
  return error === null || error.outcomeUnknown || error.status === 409;
}

/**
 * Whether other writes of the same kind by the same caller are still under way. Only the last of them
 * reloads, so an earlier one's reload cannot overwrite the optimistic state of a later one.
 */
export function otherWritesPending(
  queryClient: QueryClient,
  scope: CallerScope,
  names: ReadonlySet<string>,
): boolean {
  const pending = queryClient.isMutating({
    mutationKey: customerKeys.mutations(),
    predicate: ({ options }) => {
      const key = options.mutationKey;
      return key !== undefined && typeof key[2] === 'string' && names.has(key[2]) && scopeOfKey(key) === scope;
    },
  });
  return pending > 1;
}
