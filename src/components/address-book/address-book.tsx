import { forwardRef, useRef } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { addressFormMessages } from '../address-form/messages';
import { AccountMessages } from '../account-outcome';
import type { MessageOverrides } from '../form/messages';
import type { ChoiceInput } from '../form/choices';
import { AddAddress } from './add-address';
import { AddressBookContext, type AddressBookContextValue } from './address-book-context';
import { AddressBookList } from './address-book-list';
import { AddressBookStatus } from './address-book-status';
import { addressBookMessages } from './messages';
import { useAddressBook, type AddressBookState, type UseAddressBookOptions } from './use-address-book';

/** Props of `AddressBook`; the rest go to its `<div>`. */
export interface AddressBookProps extends UseAddressBookOptions, Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /**
   * Nothing: the complete default address book. Parts (`AddressBookParts.List`, `.Item`, `.Status`, `.AddAddress`,
   * `.AddressLines`): your own layout of them. A function: receives the headless state for markup of your own.
   */
  children?: ReactNode | ((book: AddressBookState) => ReactNode);
  /** Replacements for any message of the book and its address form, e.g. translations. */
  messages?: MessageOverrides;
  /** The countries its address forms offer (ISO 3166-1 alpha-2 codes, or `{ value, label }`); default: every country. */
  countries?: readonly ChoiceInput[];
}

const defaults = { ...addressFormMessages, ...addressBookMessages };

/**
 * The logged-in customer's address book: the addresses as a list, default first, each with its tags, a
 * "Default" marker, and the actions Edit, Delete (with a confirmation step), Set as default and tag
 * checkboxes; an "Add address" button opening an `AddressForm`. Loading, load error (with retry) and the
 * empty state are shown in place; set default, delete and tags change the list at once and are undone,
 * with an alert in the entry, if the server refuses.
 *
 * @selector [data-state] - `loading`, `error`, `empty` or `ready`
 *
 * @example
 * ```tsx
 * <AddressBook />
 * <AddressBook tags={['BILLING', 'SHIPPING', 'PICKUP']} countries={['DE', 'AT']} messages={{ 'addressBook.add': 'Neue Adresse' }} />
 *
 * <AddressBook>
 *   <AddressBookParts.Status />
 *   <AddressBookParts.List className="cards" />
 *   <AddressBookParts.AddAddress />
 * </AddressBook>
 *
 * <AddressBook>
 *   {(book) => book.entries.map((entry) => <MyCard key={entry.id} entry={entry} />)}
 * </AddressBook>
 * ```
 */
export const AddressBook = forwardRef<HTMLDivElement, AddressBookProps>(function AddressBook(
  { tags, messages, countries, children, ...props },
  ref,
) {
  const book = useAddressBook({ tags });
  const addButton = useRef<HTMLButtonElement>(null);
  const context: AddressBookContextValue = { book, addButton, countries };
  return (
    <AccountMessages defaults={defaults} messages={messages}>
      <AddressBookContext.Provider value={context}>
        <div ref={ref} {...props} data-state={book.status}>
          {typeof children === 'function' ? children(book) : (children ?? <DefaultAddressBook />)}
        </div>
      </AddressBookContext.Provider>
    </AccountMessages>
  );
});

/** The default rendering: the state message, the list and the add button. */
function DefaultAddressBook() {
  return (
    <>
      <AddressBookStatus />
      <AddressBookList />
      <AddAddress />
    </>
  );
}
