import { forwardRef, useEffect, useRef, useState } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { AddressForm } from '../address-form/address-form';
import { composeRefs } from '../form/compose-refs';
import { useMessages } from '../form/messages';
import { useAddressBookContext } from './address-book-context';
import { focusFirstField } from './focus-first-field';

/** Props of {@link AddAddress}: those of its button. */
export type AddAddressProps = Omit<ComponentPropsWithoutRef<'button'>, 'type' | 'onClick'>;

/**
 * The "Add address" button, which opens an `AddressForm` for a new address in its place. Saving or
 * cancelling closes the form and gives focus back to the button. Shown once the addresses have loaded.
 */
export const AddAddress = forwardRef<HTMLButtonElement, AddAddressProps>(function AddAddress(
  { children, ...props },
  ref,
) {
  const { book, addButton, countries } = useAddressBookContext('AddAddress');
  const t = useMessages();
  const [adding, setAdding] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const focusOnRender = useRef<'form' | 'button' | undefined>(undefined);

  useEffect(() => {
    const target = focusOnRender.current;
    focusOnRender.current = undefined;
    if (target === 'form') focusFirstField(form.current);
    if (target === 'button') addButton.current?.focus();
  }, [adding, addButton]);

  if (book.status !== 'ready' && book.status !== 'empty') return null;

  const open = () => {
    focusOnRender.current = 'form';
    setAdding(true);
  };
  const close = () => {
    focusOnRender.current = 'button';
    setAdding(false);
  };

  if (adding) {
    return (
      <AddressForm
        ref={form}
        tags={book.tags}
        countries={countries}
        aria-label={t('addressBook.createTitle')}
        onSuccess={close}
        onCancel={close}
      />
    );
  }
  return (
    <button ref={composeRefs(ref, addButton)} type="button" {...props} onClick={open}>
      {children ?? t('addressBook.add')}
    </button>
  );
});
