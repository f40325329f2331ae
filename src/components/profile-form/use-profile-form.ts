import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
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
import { useFollowServer } from '../form/use-follow-server';
import { toFormError } from '../server-error';
import { useResetAfterSubmit } from '../form/use-reset-after-submit';

/** Options of `useProfileForm`. */
export interface UseProfileFormOptions {
  /**
   * The profile to edit, e.g. `useCustomer().data` once it is there. It fills the form, and the form follows
   * it: when a newer profile is passed, the fields the shopper has not touched show its values, and the
   * shopper's edits stay.
   */
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
 * The profile form's state and submit handler, for markup of your own. It fills the form with `customer`,
 * follows newer copies of it (untouched fields take the new values, edits stay), and on submit sends only
 * the fields that differ from it, with its `metadata.version`. A 409 (the profile changed elsewhere in the
 * meantime) reloads the profile — the form then shows it with the shopper's edits kept — and becomes the
 * form-level message `form.changedElsewhere`: check and save again. A network failure or an ended session
 * becomes a form-level error and every typed value stays. Once saved, the saved profile is the form's new
 * baseline (nothing dirty) and `<FormSuccess>` shows.
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
  const baseline = useMemo(() => baselineOf(customer), [customer]);
  const { contactEmail, preferredCurrency } = baseline.values;
  const resolver = useMemo(
    () => zodResolver(profileFormSchemaFor({ contactEmail, preferredCurrency }), { error: formIssueMessages }),
    [contactEmail, preferredCurrency],
  );
  const form = useForm<ProfileFormInput, unknown, ProfileFormValues>({ resolver, defaultValues: baseline.values });
  const resetAfterSubmit = useResetAfterSubmit(form);
  useFollowServer(form, baseline.values);

  const onSubmit = async (values: ProfileFormValues): Promise<void> => {
    const patch = profilePatch(values, baseline);
    if (Object.keys(patch).length === 0) {
      resetAfterSubmit(values);
      return;
    }
    const sentAt = Date.now();
    try {
      await update.mutateAsync(patch);
    } catch (error) {
      if (!(error instanceof EmporixError && error.status === 409)) throw toFormError(error);
      // Sent with the version it was filled from and refused: it changed elsewhere. The write reloads the
      // profile as it settles (else it is reloaded here); the form follows it and the shopper's edits stay.
      const state = queryClient.getQueryState(profileKey);
      const reloaded = state?.status === 'success' && state.dataUpdatedAt >= sentAt ? undefined : await refetch();
      if (reloaded && !reloaded.isSuccess) throw toFormError(reloaded.error);
      throw { status: 409, message: 'form.changedElsewhere' };
    }
    // The update resolves once the profile is reloaded, so the cache holds it as the server has it now, with
    // its new version: the next baseline. (Should it be gone, the form keeps what was sent.)
    const saved = queryClient.getQueryData(profileKey);
    resetAfterSubmit(saved ? baselineOf(saved).values : values);
    onSuccess?.(patch);
  };

  /** Loads the profile again and refills the form with it, dropping unsaved changes. */
  const reload = async (): Promise<void> => {
    const current = await refetch();
    if (!current.isSuccess) return;
    form.reset(baselineOf(current.data).values, { keepFieldsRef: true });
  };

  return { form, onSubmit, reload, update };
}
