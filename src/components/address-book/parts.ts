/** The parts a composed `<AddressBook>` is built from; each reads the book from the enclosing `<AddressBook>`. */
export { AddressBookStatus as Status } from './address-book-status';
export { AddressBookList as List } from './address-book-list';
export { AddressBookItem as Item } from './address-book-item';
export { AddressLines } from './address-lines';
export { AddAddress } from './add-address';
