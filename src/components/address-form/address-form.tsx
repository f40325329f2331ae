import { forwardRef } from 'react';
import type { AddressFormInput, AddressFormValues } from '../../forms/address-form-schema';
import { defaultAddressTags } from '../../forms/address-form-schema';
import { AccountForm, type AccountFormComponentProps } from '../account-form';
import { FormError } from '../form/form-error';
import { useMessages } from '../form/messages';
import { Submit } from '../form/submit';
import { CheckboxField, SelectField, TextField } from '../text-field';
import { CountryOptions } from '../form/choice-options';
import type { ChoiceInput } from '../form/choices';
import { addressFormMessages } from './messages';
import { tagChoices, tagLabel } from './tag-label';
import { useAddressForm, type UseAddressFormOptions } from './use-address-form';

/** Props of `AddressForm`: the options of `useAddressForm`, the form's own props, and the rest for its `<form>`. */
export interface AddressFormProps
  extends UseAddressFormOptions,
    AccountFormComponentProps<AddressFormInput, AddressFormValues> {
  /** Called by the default rendering's Cancel button, which is shown only when this is given. */
  onCancel?: () => void;
  /**
   * The countries to offer (ISO 3166-1 alpha-2 codes, or `{ value, label }`), e.g. those the shop delivers to;
   * default: every country the runtime can name, in the shopper's language.
   */
  countries?: readonly ChoiceInput[] | undefined;
}

/**
 * Adds an address, or edits the one passed as `address` (sending only what changed). Without children it
 * renders a complete, unstyled, accessible form; with children you compose it from the parts, named like the
 * API's fields (`contactName`, `street`, `country`, …), `tags.<TAG>` for each tag checkbox, and `isDefault`.
 *
 * @selector [data-pending] - the address is being saved
 *
 * @example
 * ```tsx
 * <AddressForm onSuccess={() => setAdding(false)} onCancel={() => setAdding(false)} />
 * <AddressForm address={address} tags={['BILLING', 'SHIPPING', 'PICKUP']} countries={['DE', 'AT', 'CH']} onSuccess={close} />
 *
 * <AddressForm aria-label="New address">
 *   <FormError />
 *   <Field name="contactName"><Label>Name</Label><Input autoComplete="name" /><FieldError /></Field>
 *   <Field name="country"><Label>Country</Label><Select autoComplete="country"><CountryOptions /></Select><FieldError /></Field>
 *   <Field name="tags.SHIPPING"><Checkbox /><Label>Ship here</Label></Field>
 *   <Submit>Save</Submit>
 * </AddressForm>
 * ```
 */
export const AddressForm = forwardRef<HTMLFormElement, AddressFormProps>(function AddressForm(
  { address, tags = defaultAddressTags, defaultValues, onSuccess, onCancel, countries, children, ...props },
  ref,
) {
  const { form, onSubmit } = useAddressForm({ address, tags, defaultValues, onSuccess });
  return (
    <AccountForm ref={ref} form={form} onSubmit={onSubmit} defaults={addressFormMessages} {...props}>
      {children ?? (
        <AddressFormFields
          editing={address !== undefined}
          tags={tagChoices(tags, address?.tags)}
          countries={countries}
          onCancel={onCancel}
        />
      )}
    </AccountForm>
  );
});

/** The default rendering: every field the shopper usually needs, the tags, the default flag and the buttons. */
function AddressFormFields({
  editing,
  tags,
  countries,
  onCancel,
}: {
  editing: boolean;
  tags: readonly string[];
  countries: readonly ChoiceInput[] | undefined;
  onCancel: (() => void) | undefined;
}) {
  const t = useMessages();
  return (
    <>
      <FormError />
      <TextField name="contactName" label={t('address.contactName')} autoComplete="name" />
      <TextField name="companyName" label={t('address.companyName')} autoComplete="organization" />
      <TextField name="street" label={t('address.street')} autoComplete="address-line1" />
      <TextField name="streetNumber" label={t('address.streetNumber')} />
      <TextField name="streetAppendix" label={t('address.streetAppendix')} autoComplete="address-line2" />
      <TextField name="zipCode" label={t('address.zipCode')} autoComplete="postal-code" />
      <TextField name="city" label={t('address.city')} autoComplete="address-level2" />
      <TextField name="state" label={t('address.state')} autoComplete="address-level1" />
      <SelectField name="country" label={t('address.country')} autoComplete="country">
        <CountryOptions choices={countries} placeholder={t('address.countryPlaceholder')} />
      </SelectField>
      <TextField name="contactPhone" label={t('address.contactPhone')} type="tel" autoComplete="tel" />
      <fieldset>
        <legend>{t('address.tags')}</legend>
        {tags.map((tag) => (
          <CheckboxField key={tag} name={`tags.${tag}`} label={tagLabel(t, tag)} />
        ))}
      </fieldset>
      <CheckboxField name="isDefault" label={t('address.isDefault')} />
      <Submit>
        {({ pending }) =>
          t(editing ? (pending ? 'address.updating' : 'address.update') : pending ? 'address.creating' : 'address.create')
        }
      </Submit>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {t('address.cancel')}
        </button>
      )}
    </>
  );
}
