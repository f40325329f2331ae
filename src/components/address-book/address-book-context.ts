import type { RefObject } from 'react';
import { createPartContext } from '../form/create-part-context';
import type { AddressBookState } from './use-address-book';

export interface AddressBookContextValue {
  book: AddressBookState;
  /** The "Add address" button while it is shown; focus goes there when an address leaves the list. */
  addButton: RefObject<HTMLButtonElement | null>;
}

export const [AddressBookContext, useAddressBookContext] = createPartContext<AddressBookContextValue>('AddressBook');
