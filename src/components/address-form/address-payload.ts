/**
 * Between the address form and the API: the form's initial values for an address, the body of a new address
 * (filled fields only), and the patch of an edit (changed fields only).
 */
import type { AddressCreate, AddressDto, AddressUpdate } from '../../api/schemas';
import {
  addressTextFields,
  type AddressFormInput,
  type AddressFormValues,
  type AddressTextField,
} from '../../forms/address-form-schema';
import { tagChoices } from './tag-label';

type AddressStringField = AddressTextField | 'contactName' | 'country';

const STRING_FIELDS: readonly AddressStringField[] = ['contactName', ...addressTextFields, 'country'];

/** The form's values for an existing address (or a blank one): one checkbox per offered tag, plus the tags it has. */
export function addressFormValues(address: AddressDto | undefined, tags: readonly string[]): AddressFormInput {
  const values: Record<string, unknown> = {};
  for (const field of STRING_FIELDS) values[field] = address?.[field] ?? '';
  const carried = address?.tags ?? [];
  values.tags = Object.fromEntries(tagChoices(tags, carried).map((tag) => [tag, carried.includes(tag)]));
  values.isDefault = address?.isDefault ?? false;
  return values as AddressFormInput;
}

/** A new address: every filled field, and the tags when there are any. `isDefault` is not part of a create. */
export function toAddressCreate(values: AddressFormValues): AddressCreate {
  const body: AddressCreate = {};
  for (const field of STRING_FIELDS) {
    const value = values[field];
    if (value !== undefined && value.trim() !== '') body[field] = value;
  }
  if (values.tags.length > 0) body.tags = values.tags;
  return body;
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((tag) => set.has(tag));
}

/**
 * The fields of `values` that differ from `address` (a cleared field is sent as `''`), with the address's
 * `metadata.version` so that a change made elsewhere in the meantime is refused (409) rather than
 * overwritten; `{}` when nothing changed.
 */
export function toAddressPatch(values: AddressFormValues, address: AddressDto): AddressUpdate {
  const patch: AddressUpdate = {};
  for (const field of STRING_FIELDS) {
    const value = values[field] ?? '';
    if (value !== (address[field] ?? '')) patch[field] = value;
  }
  if (!sameTags(values.tags, address.tags ?? [])) patch.tags = values.tags;
  const isDefault = values.isDefault ?? false;
  if (isDefault !== (address.isDefault ?? false)) patch.isDefault = isDefault;
  const version = address.metadata?.version;
  if (Object.keys(patch).length > 0 && version !== undefined) patch.metadata = { version };
  return patch;
}
