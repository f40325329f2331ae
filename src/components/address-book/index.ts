export { AddressBook } from './address-book';
export type { AddressBookProps } from './address-book';
export { useAddressBook, sortDefaultFirst } from './use-address-book';
export type {
  AddressBookAction,
  AddressBookEntry,
  AddressBookEntryError,
  AddressBookState,
  AddressBookStatus,
  UseAddressBookOptions,
} from './use-address-book';
export * as AddressBookParts from './parts';
export type { AddressBookItemProps } from './address-book-item';
export type { AddressBookListProps } from './address-book-list';
export type { AddressBookStatusProps } from './address-book-status';
export type { AddAddressProps } from './add-address';
export type { AddressLinesProps } from './address-lines';
export { addressBookMessages } from './messages';
export { addressName } from './address-name';
