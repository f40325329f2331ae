import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { useAddressBookContext } from './address-book-context';
import { AddressBookItem } from './address-book-item';
import type { AddressBookEntry } from './use-address-book';

/** Props of {@link AddressBookList}. */
export interface AddressBookListProps extends Omit<ComponentPropsWithoutRef<'ul'>, 'children'> {
  /** Renders one entry (an `<li>`); default: {@link AddressBookItem}. */
  children?: (entry: AddressBookEntry) => ReactNode;
}

const defaultItem = (entry: AddressBookEntry) => <AddressBookItem key={entry.id} entry={entry} />;

/** The addresses as a `<ul>`, default first. Renders nothing while there are none. */
export const AddressBookList = forwardRef<HTMLUListElement, AddressBookListProps>(function AddressBookList(
  { children = defaultItem, ...props },
  ref,
) {
  const { book } = useAddressBookContext('AddressBookList');
  if (book.entries.length === 0) return null;
  return (
    <ul ref={ref} {...props}>
      {book.entries.map(children)}
    </ul>
  );
});
