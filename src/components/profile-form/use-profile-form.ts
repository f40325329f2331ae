import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { EmporixError } from '../../api/errors';
import type { Customer, CustomerPatch } from '../../api/schemas';
import {
  profileFormSchemaFor,
  profileTextFields,
  type ProfileFormInput,
  type ProfileFormValues,
} from '../../forms/profile-form-schema';
import { useCustomerClient } from '../../hooks/customer-context';
import { customerQueries } from '../../hooks/customer-queries';
import { useCallerScope } from '../../hooks/use-caller-scope';
import { useCustomer } from '../../hooks/use-customer';
import { useUpdateCustomer } from '../../hooks/use-update-customer';
import { formIssueMessages } from '../form/form-issue-messages';
import { toFormError } from '../server-error';
import { useResetAfterSubmit } from '../form/use-reset-after-submit';

/** Options of `useProfileForm`. */
export interface UseProfileFormOptions {
  /** The profile to edit, e.g. `useCustomer().data` once it is there. Read once: it fills the form. */
  customer: Customer;
  /** Called once the changes are saved, with exactly what was sent. */
  onSuccess?: (patch: CustomerPatch) => void;
}

/** What the form edits: the values it was filled with and the version of the profile they came from. */
interface Baseline {
  readonly values: ProfileFormInput;
  readonly version: number | undefined;
}

/** The form's values for a profile: every field a string, empty where the profile has none. */
function profileToFormValues(customer: Customer): ProfileFormInput {
  const values = { b2b: { companyRegistrationId: customer.b2b?.companyRegistrationId ?? '' } } as ProfileFormInput;
  for (const name of profileTextFields) values[name] = customer[name] ?? '';
  return values;
}

function baselineOf(customer: Customer): Baseline {
  return { values: profileToFormValues(customer), version: customer.metadata?.version };
}

/**
 * The PATCH body for what the shopper changed: only fields whose value differs from the baseline (a cleared
 * field is sent as `''`), plus the baseline's `metadata.version`, so that a change made elsewhere in the
 * meantime is refused (409) rather than overwritten. Empty when nothing changed.
 */
function profilePatch(values: ProfileFormValues, baseline: Baseline): CustomerPatch {
  const patch: CustomerPatch = {};
  for (const name of profileTextFields) {
    if (values[name] !== baseline.values[name]) patch[name] = values[name];
  }
  if (values.b2b.companyRegistrationId !== baseline.values.b2b.companyRegistrationId) {
    patch.b2b = { companyRegistrationId: values.b2b.companyRegistrationId };
  }
  if (Object.keys(patch).length > 0 && baseline.version !== undefined) patch.metadata = { version: baseline.version };
  return patch;
}

/**
 * The profile form's state and submit handler, for markup of your own. It fills the form with `customer`
 * and on submit sends only the changed fields, with the version of the profile it was filled from. A 409
 * (the profile changed elsewhere) becomes the form-level message `profile.conflict`, which `reload()`
 * resolves by refilling the form with the current profile; a network failure or an ended session becomes a
 * form-level error and every typed value stays. Once saved, the saved profile is the form's new baseline
 * (nothing dirty) and `<FormSuccess>` shows.
 *
 * @example
 * ```tsx
 * function EditProfile({ customer }: { customer: Customer }) {
 *   const { form, onSubmit } = useProfileForm({ customer });
 *   return <Form form={form} onSubmit={onSubmit}>…</Form>;
 * }
 * const { data: customer } = useCustomer();
 * return customer ? <EditProfile customer={customer} /> : <p role="status">Loading…</p>;
 * ```
 */
export function useProfileForm({ customer, onSuccess }: UseProfileFormOptions) {
  const update = useUpdateCustomer();
  const { refetch } = useCustomer();
  const queryClient = useQueryClient();
  const client = useCustomerClient();
  const { scope } = useCallerScope();
  const profileKey = customerQueries.profile(client, scope).queryKey;
  const [baseline, setBaseline] = useState(() => baselineOf(customer));
  const { contactEmail, preferredCurrency } = baseline.values;
  const resolver = useMemo(
    () => zodResolver(profileFormSchemaFor({ contactEmail, preferredCurrency }), { error: formIssueMessages }),
    [contactEmail, preferredCurrency],
  );
  const form = useForm<ProfileFormInput, unknown, ProfileFormValues>({ resolver, defaultValues: baseline.values });
  const resetAfterSubmit = useResetAfterSubmit(form);

  const onSubmit = async (values: ProfileFormValues): Promise<void> => {
    const patch = profilePatch(values, baseline);
    if (Object.keys(patch).length === 0) {
      resetAfterSubmit(values);
      return;
    }
    try {
      await update.mutateAsync(patch);
    } catch (error) {
      const formError = toFormError(error);
      throw error instanceof EmporixError && error.status === 409 ? { ...formError, message: 'profile.conflict' } : formError;
    }
    // The update resolves once the profile is reloaded, so the cache holds it as the server has it now, with
    // its new version: the next baseline. (Should it be gone, the form keeps what was sent, without a version.)
    const saved = queryClient.getQueryData(profileKey);
    const next = saved ? baselineOf(saved) : { values, version: undefined };
    setBaseline(next);
    resetAfterSubmit(next.values);
    onSuccess?.(patch);
  };

  /** Loads the profile again and refills the form with it, dropping unsaved changes (e.g. after a 409). */
  const reload = async (): Promise<void> => {
    const current = await refetch();
    if (!current.isSuccess) return;
    const next = baselineOf(current.data);
    setBaseline(next);
    form.reset(next.values, { keepFieldsRef: true });
  };

  return { form, onSubmit, reload, update };
}
