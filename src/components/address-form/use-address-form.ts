import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { EmporixError } from '../../api/errors';
import type { AddressDto } from '../../api/schemas';
import {
  addressFormSchema,
  defaultAddressTags,
  type AddressFormInput,
  type AddressFormValues,
} from '../../forms/address-form-schema';
import { useCustomerClient } from '../../hooks/customer-context';
import { customerQueries } from '../../hooks/customer-queries';
import { useCallerScope } from '../../hooks/use-caller-scope';
import { useCreateAddress } from '../../hooks/use-create-address';
import { useSetDefaultAddress } from '../../hooks/use-set-default-address';
import { useUpdateAddress } from '../../hooks/use-update-address';
import { formIssueMessages } from '../form/form-issue-messages';
import { useFollowServer } from '../form/use-follow-server';
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
  /**
   * The address to edit. Without it the form adds a new address. The form follows it: when a newer copy is
   * passed, the fields the shopper has not touched show its values, and the shopper's edits stay.
   */
  address?: AddressDto | undefined;
  /** The tags offered as checkboxes (default `BILLING` and `SHIPPING`); tags the address has are kept. */
  tags?: readonly string[] | undefined;
  /** Initial values of a new address, e.g. the customer's name as `contactName`. */
  defaultValues?: Partial<AddressFormInput> | undefined;
  /** Called once the address is saved. */
  onSuccess?: ((result: AddressFormResult) => void) | undefined;
}

/** The newer of two copies of an address, by `metadata.version`; the one passed in when that cannot tell. */
function newer(given: AddressDto | undefined, reloaded: AddressDto | undefined): AddressDto | undefined {
  if (!given || !reloaded || reloaded.id !== given.id) return given;
  return (reloaded.metadata?.version ?? -1) > (given.metadata?.version ?? -1) ? reloaded : given;
}

/**
 * The address form's state and submit handler, for markup of your own. Without `address` it adds an address
 * (and, when `isDefault` is checked, makes it the default); with `address` it sends only the fields that
 * changed, with the address's `metadata.version`, and follows newer copies of it. A 409 (the address changed
 * elsewhere in the meantime) reloads it — the form then shows it with the shopper's edits kept — and becomes
 * the form-level message `form.changedElsewhere`: check and save again. Field errors the server reports
 * (`contactName`, `country`, …) land on their fields, the rest on the form; a network failure keeps every
 * typed value.
 *
 * @example
 * ```tsx
 * const { form, onSubmit } = useAddressForm({ address, onSuccess: () => setEditing(false) });
 * <Form form={form} onSubmit={onSubmit}>…</Form>
 * ```
 */
export function useAddressForm(options: UseAddressFormOptions = {}) {
  const { tags = defaultAddressTags, defaultValues } = options;
  const client = useCustomerClient();
  const queryClient = useQueryClient();
  const { scope } = useCallerScope();
  const createAddress = useCreateAddress();
  const updateAddress = useUpdateAddress();
  const setDefaultAddress = useSetDefaultAddress();
  // The copy reloaded after a conflict, until a newer one is passed in.
  const [reloaded, setReloaded] = useState<AddressDto | undefined>(undefined);
  const address = newer(options.address, reloaded);
  const serverValues = useMemo(
    (): AddressFormInput => ({ ...addressFormValues(address, tags), ...(address ? {} : defaultValues) }),
    [address, tags, defaultValues],
  );
  const form = useForm<AddressFormInput, unknown, AddressFormValues>({
    resolver: zodResolver(addressFormSchema, { error: formIssueMessages }),
    defaultValues: serverValues,
  });
  useFollowServer(form, serverValues);
  // An address added whose "make default" step failed: a retry completes it instead of adding it twice.
  const added = useRef<string | undefined>(undefined);

  /** The address as the server has it now: from the address book the failed write reloaded, else read anew. */
  const reload = async (id: string): Promise<void> => {
    const { queryKey } = customerQueries.addresses(client, scope);
    const listed = queryClient.getQueryData(queryKey)?.find((entry) => entry.id === id);
    const state = queryClient.getQueryState(queryKey);
    const fresh =
      listed && state?.status === 'success' && !state.isInvalidated
        ? listed
        : await queryClient.fetchQuery({ ...customerQueries.address(client, scope, id), staleTime: 0 });
    setReloaded(fresh);
  };

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
      if (!(error instanceof EmporixError && error.status === 409 && address?.id !== undefined)) throw toFormError(error);
      // Sent with the version it was filled from and refused: it changed elsewhere. The form follows the
      // copy reloaded now (the shopper's edits stay) — say so, or why it could not be reloaded.
      const reloadError = await reload(address.id).then(
        () => undefined,
        (failure: unknown) => failure,
      );
      throw reloadError === undefined ? { status: 409, message: 'form.changedElsewhere' } : toFormError(reloadError);
    }
    added.current = undefined;
    // An edit keeps what was saved as the new baseline; a new-address form starts over.
    form.reset(address ? form.getValues() : serverValues);
    options.onSuccess?.(result);
  };

  return { form, onSubmit, createAddress, updateAddress, setDefaultAddress };
}
