import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useMessages } from '../form/messages';
import { useAddressBookContext } from './address-book-context';

/** Props of {@link AddressBookStatus}. */
export type AddressBookStatusProps = Omit<ComponentPropsWithoutRef<'div'>, 'children'>;

/**
 * What the book says while it has no list to show: "Loading…" (`role="status"`), the load error
 * (`role="alert"`) with a retry button, or the empty state. Renders nothing once there are addresses.
 *
 * @selector [data-state] - `loading`, `error` or `empty`
 */
export const AddressBookStatus = forwardRef<HTMLDivElement, AddressBookStatusProps>(function AddressBookStatus(
  props,
  ref,
) {
  const { book } = useAddressBookContext('AddressBookStatus');
  const t = useMessages();
  if (book.status === 'ready') return null;
  return (
    <div ref={ref} {...props} data-state={book.status}>
      {book.status === 'loading' && <p role="status">{t('addressBook.loading')}</p>}
      {book.status === 'error' && (
        <>
          <p role="alert">{t('addressBook.loadError')}</p>
          <button type="button" onClick={book.retry}>
            {t('addressBook.retry')}
          </button>
        </>
      )}
      {book.status === 'empty' && <p>{t('addressBook.empty')}</p>}
    </div>
  );
});
