import { forwardRef, useEffect, useState, type ReactNode } from 'react';
import type { Customer } from '../../api/schemas';
import type { ProfileFormInput, ProfileFormValues } from '../../forms/profile-form-schema';
import { useCustomerClient } from '../../hooks/customer-context';
import { useCallerScope } from '../../hooks/use-caller-scope';
import { useCustomer } from '../../hooks/use-customer';
import { useSession } from '../../hooks/use-session';
import { AccountForm, type AccountFormComponentProps } from '../account-form';
import { AccountMessages } from '../account-outcome';
import { FormError } from '../form/form-error';
import { useMessages } from '../form/messages';
import { Submit } from '../form/submit';
import { SelectField, TextField } from '../text-field';
import { ChoiceOptions, CurrencyOptions, LanguageOptions } from '../form/choice-options';
import type { ChoiceInput } from '../form/choices';
import { FormSuccess } from '../form/form-success';
import { profileMessages } from './messages';
import { useProfileForm, type UseProfileFormOptions } from './use-profile-form';

/** The lists the profile's preferences are chosen from; each a native `<select>` in the default rendering. */
export interface ProfileChoices {
  /**
   * Languages to offer, as the API takes them (`'de'`, `'en_US'`) or `{ value, label }`; default: every language
   * the runtime can name, by its two-letter code.
   */
  languages?: readonly ChoiceInput[] | undefined;
  /** Currencies to offer (ISO 4217 codes, or `{ value, label }`); default: every currency the runtime knows. */
  currencies?: readonly ChoiceInput[] | undefined;
  /** The shop's sites (codes, or `{ value, label }`); without them the preferred site is a text field. */
  sites?: readonly ChoiceInput[] | undefined;
}

/**
 * Props of `ProfileForm`: the options of `useProfileForm` except `customer` (the form loads the profile itself), the
 * choices to offer, the form's own props, and the rest for its `<form>`.
 */
export interface ProfileFormProps
  extends Omit<UseProfileFormOptions, 'customer'>,
    ProfileChoices,
    AccountFormComponentProps<ProfileFormInput, ProfileFormValues> {}

/**
 * The logged-in customer's profile: name, contact details, preferences and the B2B company registration ID.
 * It loads the profile itself (a `role="status"` while loading, a `role="alert"` with a retry button if that
 * fails), saves only what changed, and says "Profile saved" when done. Without children it renders a
 * complete, unstyled, accessible form; with children you compose it from the parts, named `title`,
 * `firstName`, `middleName`, `lastName`, `company`, `contactEmail`, `contactPhone`, `preferredLanguage`,
 * `preferredCurrency`, `preferredSite` and `b2b.companyRegistrationId`. Language and currency are chosen from
 * lists named in the shopper's language (`languages`, `currencies` to narrow them); the site too when `sites`
 * is given.
 *
 * @selector [data-pending] - the changes are being saved
 *
 * @example
 * ```tsx
 * <ProfileForm onSuccess={() => toast('Saved')} />
 * <ProfileForm languages={['de', 'en_US']} currencies={['EUR', 'CHF']} sites={[{ value: 'main', label: 'Germany' }]} />
 *
 * <ProfileForm>
 *   <FormError />
 *   <Field name="firstName"><Label>First name</Label><Input autoComplete="given-name" /><FieldError /></Field>
 *   <Field name="lastName"><Label>Last name</Label><Input autoComplete="family-name" /><FieldError /></Field>
 *   <FormSuccess>Saved.</FormSuccess>
 *   <Submit>Save</Submit>
 * </ProfileForm>
 * ```
 */
export const ProfileForm = forwardRef<HTMLFormElement, ProfileFormProps>(function ProfileForm(props, ref) {
  const { customer, scope, status, retry } = useRetainedProfile();
  if (customer) return <LoadedProfileForm key={scope} ref={ref} customer={customer} {...props} />;
  return (
    <AccountMessages defaults={profileMessages} messages={props.messages}>
      <ProfileLoadState status={status} onRetry={retry} />
    </AccountMessages>
  );
});

/**
 * The profile the form edits. Once loaded it stays when the session ends while the shopper edits (the typed
 * values stay, with the error that explains what happened); it goes on logout, and when another customer
 * (or legal entity) takes over, whose own profile is loaded instead.
 */
function useRetainedProfile() {
  const client = useCustomerClient();
  const session = useSession();
  const { scope, isCustomer } = useCallerScope();
  const profile = useCustomer();
  const [retained, setRetained] = useState<{ scope: string; customer: Customer } | undefined>(undefined);
  if (isCustomer && retained?.scope !== scope) {
    const next = profile.data && { scope, customer: profile.data };
    if (next !== retained) setRetained(next);
  }
  useEffect(
    () =>
      client.session.on((event) => {
        if (event.type === 'logout') setRetained(undefined);
      }),
    [client],
  );

  const status = profile.isError ? 'error' : session.status === 'anonymous' ? 'signedOut' : 'loading';
  return { customer: retained?.customer, scope: retained?.scope, status, retry: () => void profile.refetch() } as const;
}

const LoadedProfileForm = forwardRef<HTMLFormElement, ProfileFormProps & { customer: Customer }>(
  function LoadedProfileForm({ customer, onSuccess, languages, currencies, sites, children, ...props }, ref) {
    const { form, onSubmit, reload } = useProfileForm({ customer, onSuccess });
    return (
      <AccountForm ref={ref} form={form} onSubmit={onSubmit} defaults={profileMessages} {...props}>
        {children ?? (
          <ProfileFormFields
            onReload={() => void reload()}
            languages={languages}
            currencies={currencies}
            sites={sites}
          />
        )}
      </AccountForm>
    );
  },
);

/** What shows instead of the form until the profile is there. */
function ProfileLoadState({ status, onRetry }: { status: 'loading' | 'signedOut' | 'error'; onRetry: () => void }) {
  const t = useMessages();
  if (status === 'loading') return <p role="status">{t('profile.loading')}</p>;
  if (status === 'signedOut') return <p role="status">{t('profile.signedOut')}</p>;
  return (
    <div role="alert">
      <p>{t('profile.loadError')}</p>
      <button type="button" onClick={onRetry}>
        {t('profile.retry')}
      </button>
    </div>
  );
}

/** The default rendering: every field, the form-level error (with a reload after a conflict), success and submit. */
function ProfileFormFields({ onReload, languages, currencies, sites }: ProfileChoices & { onReload: () => void }): ReactNode {
  const t = useMessages();
  return (
    <>
      <FormError>
        {({ message, type }) => (
          <>
            <p>{message}</p>
            {type === '409' && (
              <button type="button" onClick={onReload}>
                {t('profile.reload')}
              </button>
            )}
          </>
        )}
      </FormError>
      <TextField name="title" label={t('profile.title')} autoComplete="honorific-prefix" />
      <TextField name="firstName" label={t('profile.firstName')} autoComplete="given-name" />
      <TextField name="middleName" label={t('profile.middleName')} autoComplete="additional-name" />
      <TextField name="lastName" label={t('profile.lastName')} autoComplete="family-name" />
      <TextField name="company" label={t('profile.company')} autoComplete="organization" />
      <TextField name="contactEmail" label={t('profile.contactEmail')} type="email" autoComplete="email" />
      <TextField name="contactPhone" label={t('profile.contactPhone')} type="tel" autoComplete="tel" />
      <SelectField name="preferredLanguage" label={t('profile.preferredLanguage')} autoComplete="language">
        <LanguageOptions choices={languages} />
      </SelectField>
      <SelectField name="preferredCurrency" label={t('profile.preferredCurrency')} autoComplete="transaction-currency">
        <CurrencyOptions choices={currencies} />
      </SelectField>
      {sites ? (
        <SelectField name="preferredSite" label={t('profile.preferredSite')} autoComplete="off">
          <ChoiceOptions choices={sites} />
        </SelectField>
      ) : (
        <TextField name="preferredSite" label={t('profile.preferredSite')} autoComplete="off" />
      )}
      <TextField
        name="b2b.companyRegistrationId"
        label={t('profile.companyRegistrationId')}
        description={t('profile.companyRegistrationIdHint')}
        autoComplete="off"
      />
      <FormSuccess>{t('profile.saved')}</FormSuccess>
      <Submit>{({ pending }) => t(pending ? 'profile.submitting' : 'profile.submit')}</Submit>
    </>
  );
}
