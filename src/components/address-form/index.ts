export { AddressForm } from './address-form';
export type { AddressFormProps } from './address-form';
export { useAddressForm } from './use-address-form';
export type { AddressFormResult, UseAddressFormOptions } from './use-address-form';
export * as AddressFormParts from './parts';
export { addressFormMessages } from './messages';
export { addressFormValues, toAddressCreate, toAddressPatch } from './address-payload';
