import { zodResolver } from '@hookform/resolvers/zod';
import { useRef } from 'react';
import { useForm } from 'react-hook-form';
import type { AddressDto } from '../../api/schemas';
import {
  addressFormSchema,
  defaultAddressTags,
  type AddressFormInput,
  type AddressFormValues,
} from '../../forms/address-form-schema';
import { useCreateAddress } from '../../hooks/use-create-address';
import { useSetDefaultAddress } from '../../hooks/use-set-default-address';
import { useUpdateAddress } from '../../hooks/use-update-address';
import { formIssueMessages } from '../form/form-issue-messages';
import { toFormError } from '../server-error';
import { addressFormValues, toAddressCreate, toAddressPatch } from './address-payload';

/** What `onSuccess` receives: whether an address was added or edited, and its id. */
export interface AddressFormResult {
  /** `create` when an address was added, `update` when one was edited. */
  mode: 'create' | 'update';
  /** The id of the address added or edited. */
  id: string;
  /** False when an edit changed nothing, so nothing was sent. */
  changed: boolean;
}

/** Options of `useAddressForm` (and the matching props of `<AddressForm>`). */
export interface UseAddressFormOptions {
  /** The address to edit. Without it the form adds a new address. */
  address?: AddressDto | undefined;
  /** The tags offered as checkboxes (default `BILLING` and `SHIPPING`); tags the address has are kept. */
  tags?: readonly string[] | undefined;
  /** Initial values of a new address, e.g. the customer's name as `contactName`. */
  defaultValues?: Partial<AddressFormInput> | undefined;
  /** Called once the address is saved. */
  onSuccess?: ((result: AddressFormResult) => void) | undefined;
}

/**
 * The address form's state and submit handler, for markup of your own. Without `address` it adds an address
 * (and, when `isDefault` is checked, makes it the default); with `address` it sends only the fields that
 * changed. Field errors the server reports (`contactName`, `country`, …) land on their fields, the rest on
 * the form; a network failure keeps every typed value.
 *
 * @example
 * ```tsx
 * const { form, onSubmit } = useAddressForm({ address, onSuccess: () => setEditing(false) });
 * <Form form={form} onSubmit={onSubmit}>…</Form>
 * ```
 */
export function useAddressForm(options: UseAddressFormOptions = {}) {
  const { address, tags = defaultAddressTags } = options;
  const createAddress = useCreateAddress();
  const updateAddress = useUpdateAddress();
  const setDefaultAddress = useSetDefaultAddress();
  const initialValues = (): AddressFormInput => ({
    ...addressFormValues(address, tags),
    ...(address ? {} : options.defaultValues),
  });
  const form = useForm<AddressFormInput, unknown, AddressFormValues>({
    resolver: zodResolver(addressFormSchema, { error: formIssueMessages }),
    defaultValues: initialValues(),
  });
  // An address added whose "make default" step failed: a retry completes it instead of adding it twice.
  const added = useRef<string | undefined>(undefined);

  const save = async (values: AddressFormValues): Promise<AddressFormResult> => {
    if (address?.id !== undefined) {
      const patch = toAddressPatch(values, address);
      const changed = Object.keys(patch).length > 0;
      if (changed) await updateAddress.mutateAsync({ id: address.id, patch });
      return { mode: 'update', id: address.id, changed };
    }
    if (added.current !== undefined) {
      const id = added.current;
      await updateAddress.mutateAsync({ id, patch: { ...toAddressCreate(values), ...(values.isDefault ? { isDefault: true } : {}) } });
      return { mode: 'create', id, changed: true };
    }
    const { id } = await createAddress.mutateAsync(toAddressCreate(values));
    if (values.isDefault) {
      added.current = id;
      await setDefaultAddress.mutateAsync(id);
    }
    return { mode: 'create', id, changed: true };
  };

  const onSubmit = async (values: AddressFormValues): Promise<void> => {
    let result: AddressFormResult;
    try {
      result = await save(values);
    } catch (error) {
      throw toFormError(error);
    }
    added.current = undefined;
    // An edit keeps what was saved as the new baseline; a new-address form starts over.
    form.reset(address ? form.getValues() : initialValues());
    options.onSuccess?.(result);
  };

  return { form, onSubmit, createAddress, updateAddress, setDefaultAddress };
}
