import { forwardRef, useEffect, useId, useRef, useState } from 'react';
import type { ComponentPropsWithoutRef, KeyboardEvent } from 'react';
import { AddressForm } from '../address-form/address-form';
import { tagChoices, tagLabel } from '../address-form/tag-label';
import { useMessages } from '../form/messages';
import { useAddressBookContext } from './address-book-context';
import { focusFirstField } from './focus-first-field';
import { AddressLines } from './address-lines';
import type { AddressBookEntry } from './use-address-book';

/** Props of {@link AddressBookItem}. */
export interface AddressBookItemProps extends Omit<ComponentPropsWithoutRef<'li'>, 'children'> {
  /** The address to show, from `useAddressBook().entries` (or the book's context). */
  entry: AddressBookEntry;
}

type Mode = 'view' | 'edit' | 'confirmDelete';
type FocusTarget = 'form' | 'edit' | 'delete' | 'cancelDelete';

/**
 * One address as an `<li>`: the `<address>`, the "Default" marker, a checkbox per tag, and the actions Edit
 * (an `AddressForm` in its place), Delete (after an explicit "Confirm delete"; Escape or "Cancel" steps back)
 * and Set as default. Every action's accessible name includes the address's name. A failed write shows as an
 * alert in the entry, after its optimistic change was undone.
 *
 * @selector [data-default] - the customer's default address
 * @selector [data-pending] - a write on this address is under way
 * @selector [data-state] - `view`, `edit` or `confirmDelete`
 */
export const AddressBookItem = forwardRef<HTMLLIElement, AddressBookItemProps>(function AddressBookItem(
  { entry, ...props },
  ref,
) {
  const { book, addButton, countries } = useAddressBookContext('AddressBookItem');
  const t = useMessages();
  const [mode, setMode] = useState<Mode>('view');
  const questionId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const cancelDeleteRef = useRef<HTMLButtonElement>(null);
  const focusOnRender = useRef<FocusTarget | undefined>(undefined);

  useEffect(() => {
    const target = focusOnRender.current;
    focusOnRender.current = undefined;
    if (target === 'form') focusFirstField(formRef.current);
    if (target === 'edit') editRef.current?.focus();
    if (target === 'delete') deleteRef.current?.focus();
    if (target === 'cancelDelete') cancelDeleteRef.current?.focus();
  });

  const name = entry.name;
  const busy = entry.pending !== undefined;
  const switchTo = (next: Mode, focus: FocusTarget) => {
    focusOnRender.current = focus;
    setMode(next);
  };

  const setDefault = () => {
    if (busy) return;
    // The button goes away as the address becomes the default; focus stays in the entry.
    editRef.current?.focus();
    void entry.setDefault();
  };
  const confirmDelete = () => {
    if (busy) return;
    // The entry leaves the list at once (and comes back with an alert if the delete fails).
    addButton.current?.focus();
    setMode('view');
    void entry.remove();
  };
  const onConfirmKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    switchTo('view', 'delete');
  };

  return (
    <li
      ref={ref}
      {...props}
      data-state={mode}
      data-default={entry.isDefault ? '' : undefined}
      data-pending={busy ? '' : undefined}
    >
      {mode === 'edit' ? (
        <AddressForm
          ref={formRef}
          address={entry.address}
          tags={book.tags}
          countries={countries}
          aria-label={t('addressBook.editTitle', { name })}
          onSuccess={() => switchTo('view', 'edit')}
          onCancel={() => switchTo('view', 'edit')}
        />
      ) : (
        <>
          <AddressLines address={entry.address} />
          {entry.isDefault && <p>{t('addressBook.default')}</p>}
          <fieldset aria-label={t('addressBook.tagsLabel', { name })}>
            <legend>{t('addressBook.tags')}</legend>
            {tagChoices(book.tags, entry.tags).map((tag) => (
              <label key={tag}>
                <input
                  type="checkbox"
                  checked={entry.tags.includes(tag)}
                  aria-disabled={busy || undefined}
                  onChange={(event) => {
                    if (!busy) void entry.setTag(tag, event.target.checked);
                  }}
                />{' '}
                {tagLabel(t, tag)}
              </label>
            ))}
          </fieldset>
          {mode === 'confirmDelete' ? (
            <div role="group" aria-labelledby={questionId} onKeyDown={onConfirmKeyDown}>
              <p id={questionId}>{t('addressBook.deleteQuestion')}</p>
              <button type="button" aria-label={t('addressBook.confirmDeleteLabel', { name })} onClick={confirmDelete}>
                {t('addressBook.confirmDelete')}
              </button>
              <button
                ref={cancelDeleteRef}
                type="button"
                aria-label={t('addressBook.cancelDeleteLabel', { name })}
                onClick={() => switchTo('view', 'delete')}
              >
                {t('addressBook.cancelDelete')}
              </button>
            </div>
          ) : (
            <div>
              <button
                ref={editRef}
                type="button"
                aria-label={t('addressBook.editLabel', { name })}
                onClick={() => switchTo('edit', 'form')}
              >
                {t('addressBook.edit')}
              </button>
              <button
                ref={deleteRef}
                type="button"
                aria-label={t('addressBook.deleteLabel', { name })}
                aria-disabled={busy || undefined}
                onClick={() => !busy && switchTo('confirmDelete', 'cancelDelete')}
              >
                {t('addressBook.delete')}
              </button>
              {!entry.isDefault && (
                <button
                  type="button"
                  aria-label={t('addressBook.setDefaultLabel', { name })}
                  aria-disabled={busy || undefined}
                  onClick={setDefault}
                >
                  {t('addressBook.setDefault')}
                </button>
              )}
            </div>
          )}
        </>
      )}
      {entry.error && (
        <p role="alert">
          {t(`addressBook.${entry.error.action}Failed`, { name })} {t(entry.error.error.message)}
        </p>
      )}
    </li>
  );
});
