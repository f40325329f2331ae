import { useCallback, useMemo, useState } from 'react';
import type { AddressDto } from '../../api/schemas';
import { defaultAddressTags } from '../../forms/address-form-schema';
import { useAddAddressTags } from '../../hooks/use-add-address-tags';
import { useAddresses } from '../../hooks/use-addresses';
import { useDeleteAddress } from '../../hooks/use-delete-address';
import { useRemoveAddressTags } from '../../hooks/use-remove-address-tags';
import { useSetDefaultAddress } from '../../hooks/use-set-default-address';
import type { ServerErrorLike } from '../form/apply-server-error';
import { toFormError } from '../server-error';
import { addressName } from './address-name';

/** A write the address book makes on one address. */
export type AddressBookAction = 'setDefault' | 'remove' | 'tags';

/** A write on one address that failed; its optimistic change has been rolled back. */
export interface AddressBookEntryError {
  /** Which write failed: `setDefault`, `remove` or `tags`. */
  action: AddressBookAction;
  /** What went wrong, as a message key (`form.networkError`, …) or the server's message. */
  error: ServerErrorLike;
}

/** One address of the book, with its state and what can be done to it. */
export interface AddressBookEntry {
  /** The address's id. */
  id: string;
  /** The address as the API answered it (with the optimistic change of a write under way). */
  address: AddressDto;
  /** A short name for the address (contact name and city) that labels its actions. */
  name: string;
  /** Whether this is the customer's default address. */
  isDefault: boolean;
  /** The tags this address has. */
  tags: readonly string[];
  /** The write under way for this address; actions are ignored until it has settled. */
  pending: AddressBookAction | undefined;
  /** The last write on this address that failed, until the next one starts. */
  error: AddressBookEntryError | undefined;
  /** Makes this the default address (optimistic: it moves first at once). Resolves to whether it worked. */
  setDefault: () => Promise<boolean>;
  /** Deletes this address (optimistic: it leaves the list at once). */
  remove: () => Promise<boolean>;
  /** Adds (`on`) or removes one tag. */
  setTag: (tag: string, on: boolean) => Promise<boolean>;
  /** Clears `error`, e.g. when the shopper closes the alert. */
  dismissError: () => void;
}

/** Where the book is: loading, could not load, loaded with no addresses, loaded with some. */
export type AddressBookStatus = 'loading' | 'error' | 'empty' | 'ready';

/** Options of `useAddressBook` (and the matching props of `<AddressBook>`). */
export interface UseAddressBookOptions {
  /** The tags offered on every address (default `BILLING` and `SHIPPING`). */
  tags?: readonly string[] | undefined;
}

/** Default address first, then the others in the order the API lists them (creation order). */
export function sortDefaultFirst<A extends Pick<AddressDto, 'isDefault'>>(addresses: readonly A[]): A[] {
  return [...addresses].sort((a, b) => Number(b.isDefault === true) - Number(a.isDefault === true));
}

/**
 * The logged-in customer's address book, headless: the addresses sorted default first, each with its pending
 * write, its last error and its actions (set default, delete, tags — optimistic, rolled back on failure).
 *
 * @example
 * ```tsx
 * const book = useAddressBook();
 * if (book.status === 'loading') return <Spinner />;
 * return book.entries.map((entry) => (
 *   <AddressCard key={entry.id} address={entry.address} onMakeDefault={entry.setDefault} />
 * ));
 * ```
 */
export function useAddressBook(options: UseAddressBookOptions = {}) {
  const tags = options.tags ?? defaultAddressTags;
  const query = useAddresses();
  const setDefaultAddress = useSetDefaultAddress();
  const deleteAddress = useDeleteAddress();
  const addAddressTags = useAddAddressTags();
  const removeAddressTags = useRemoveAddressTags();
  const [pending, setPending] = useState<Readonly<Record<string, AddressBookAction>>>({});
  const [errors, setErrors] = useState<Readonly<Record<string, AddressBookEntryError>>>({});

  const dismissError = useCallback((id: string) => {
    setErrors(({ [id]: _dismissed, ...rest }) => rest);
  }, []);

  const run = useCallback(
    async (id: string, action: AddressBookAction, write: () => Promise<unknown>): Promise<boolean> => {
      setPending((current) => ({ ...current, [id]: action }));
      dismissError(id);
      try {
        await write();
        return true;
      } catch (error) {
        setErrors((current) => ({ ...current, [id]: { action, error: toFormError(error) } }));
        return false;
      } finally {
        setPending(({ [id]: _settled, ...rest }) => rest);
      }
    },
    [dismissError],
  );

  const addresses = useMemo(
    () => sortDefaultFirst((query.data ?? []).filter((address): address is AddressDto & { id: string } => !!address.id)),
    [query.data],
  );

  const entries = addresses.map(
    (address): AddressBookEntry => ({
      id: address.id,
      address,
      name: addressName(address),
      isDefault: address.isDefault === true,
      tags: address.tags ?? [],
      pending: pending[address.id],
      error: errors[address.id],
      setDefault: () => run(address.id, 'setDefault', () => setDefaultAddress.mutateAsync(address.id)),
      remove: () => run(address.id, 'remove', () => deleteAddress.mutateAsync(address.id)),
      setTag: (tag, on) =>
        run(address.id, 'tags', () =>
          (on ? addAddressTags : removeAddressTags).mutateAsync({ id: address.id, tags: [tag] }),
        ),
      dismissError: () => dismissError(address.id),
    }),
  );

  const status: AddressBookStatus =
    query.data !== undefined ? (entries.length > 0 ? 'ready' : 'empty') : query.isError ? 'error' : 'loading';

  return {
    /** Where the book is: `loading`, `error` (see `error` and `retry`), `empty` or `ready`. */
    status,
    /** The addresses, default first, each with its pending write, last error and actions. */
    entries,
    /** The addresses, default first. */
    addresses,
    /** Why the addresses could not be loaded. */
    error: query.error,
    /** Loads the addresses again, e.g. after a load error. */
    retry: () => void query.refetch(),
    /** A load is under way (the first one or a refresh after a write). */
    isFetching: query.isFetching,
    /** The tags offered on every address. */
    tags,
  };
}

/** What `useAddressBook` returns, and what a function child of `<AddressBook>` receives. */
export type AddressBookState = ReturnType<typeof useAddressBook>;
