import type { AddressDto } from '../../api/schemas';

/** A short name for an address that tells it apart in labels: "Jane Doe, Berlin". */
export function addressName(address: Pick<AddressDto, 'contactName' | 'city' | 'street' | 'streetNumber'>): string {
  const place = address.city || [address.street, address.streetNumber].filter(Boolean).join(' ');
  return [address.contactName, place].filter(Boolean).join(', ');
}
