/**
 * Address-book rules on one customer.
 * - Addresses are listed in creation order.
 * - The first address a customer gets becomes the default; at most one address is the default.
 * - `isDefault: true` (create or update) moves the flag; `isDefault: false` on the default leaves none.
 * - Deleting the default address promotes nothing: the customer has no default until one is chosen
 *   (a delete changes nothing but the deleted address).
 * - Every change bumps the address's `metadata.version`; a stale version sent in an update is refused
 *   (`staleVersion`).
 */
import { addressFromSeed, type AddressRecord, type CustomerRecord } from './records';
import { refuse } from './refusal';
import type { AddressInput } from './validation';

export function findAddress(customer: CustomerRecord, addressId: string): AddressRecord {
  const address = customer.addresses.find((a) => a.id === addressId);
  if (!address) throw refuse.addressNotFound(addressId, customer.customerNumber);
  return address;
}

function makeDefault(customer: CustomerRecord, address: AddressRecord): void {
  for (const other of customer.addresses) {
    if (other !== address && other.isDefault) {
      other.isDefault = false;
      other.version += 1;
    }
  }
  address.isDefault = true;
}

export function createAddress(customer: CustomerRecord, input: AddressInput): AddressRecord {
  const address = addressFromSeed({
    ...input.fields,
    contactName: input.fields.contactName ?? '',
    tags: input.tags ?? [],
    mixins: input.mixins ?? {},
  });
  customer.addresses.push(address);
  if (input.isDefault === true || customer.addresses.length === 1) makeDefault(customer, address);
  return address;
}

export function updateAddress(customer: CustomerRecord, addressId: string, input: AddressInput): AddressRecord {
  const address = findAddress(customer, addressId);
  if (input.version !== undefined && input.version !== address.version) throw refuse.staleVersion(address.version);
  Object.assign(address, input.fields);
  if (input.tags) address.tags = input.tags;
  if (input.mixins) address.mixins = { ...address.mixins, ...structuredClone(input.mixins) };
  if (input.isDefault === true) makeDefault(customer, address);
  if (input.isDefault === false) address.isDefault = false;
  address.version += 1;
  return address;
}

export function deleteAddress(customer: CustomerRecord, addressId: string): void {
  const address = findAddress(customer, addressId);
  customer.addresses = customer.addresses.filter((a) => a !== address);
}

/** Adds tags; already present ones are kept once (idempotent). */
export function addTags(customer: CustomerRecord, addressId: string, tags: string[]): void {
  const address = findAddress(customer, addressId);
  const next = [...new Set([...address.tags, ...tags])];
  if (next.length === address.tags.length) return;
  address.tags = next;
  address.version += 1;
}

/** Removes tags; tags the address does not carry are ignored. */
export function removeTags(customer: CustomerRecord, addressId: string, tags: string[]): void {
  const address = findAddress(customer, addressId);
  const next = address.tags.filter((t) => !tags.includes(t));
  if (next.length === address.tags.length) return;
  address.tags = next;
  address.version += 1;
}
