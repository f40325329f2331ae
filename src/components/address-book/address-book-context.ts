import type { RefObject } from 'react';
import type { ChoiceInput } from '../form/choices';
import { createPartContext } from '../form/create-part-context';
import type { AddressBookState } from './use-address-book';

export interface AddressBookContextValue {
  book: AddressBookState;
  /** The "Add address" button while it is shown; focus goes there when an address leaves the list. */
  addButton: RefObject<HTMLButtonElement | null>;
  /** The countries the address forms offer (default: every country). */
  countries: readonly ChoiceInput[] | undefined;
}

export const [AddressBookContext, useAddressBookContext] = createPartContext<AddressBookContextValue>('AddressBook');
