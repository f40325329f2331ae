import * as z from 'zod/mini';
import { customerPatchSchema, type Customer } from '../api/schemas';
import {
  always,
  blankOr,
  currencyCode,
  customerTextFields,
  emailField,
  filled,
  requireCompanyNames,
  schema,
  trimmed,
  trimmedFields,
} from './fields';
import { messageKey } from './message-key';

/** Every text field of the profile form: the plain ones, the currency code and the contact email. */
export const profileTextFields = [...customerTextFields, 'preferredCurrency', 'contactEmail'] as const;

/** The fields of the profile form (always strings, trimmed; empty means "not set"), before the rules that span several fields. */
function profileFormFields() {
  const model = customerPatchSchema.shape;
  const b2b = model.b2b.def.innerType;
  return z.object({
    ...trimmedFields(model, customerTextFields),
    /** Three-letter currency code (ISO 4217), upper-cased; empty means not set. */
    preferredCurrency: currencyCode(model.preferredCurrency, messageKey('profile.currencyCode')),
    /** The address to contact the customer at (not the login email): empty, or an email address. */
    contactEmail: blankOr(emailField(model.contactEmail)),
    /**
     * The company registration id (`b2b.companyRegistrationId`); with one, first name, last name and company are
     * required.
     */
    b2b: z.extend(b2b, { companyRegistrationId: trimmed(b2b.shape.companyRegistrationId) }),
  });
}

/**
 * The profile form: the API's `CustomerPatch` fields a shopper edits, as trimmed text (empty means "not set").
 * `preferredCurrency` is the model's three-letter code (upper-cased), `contactEmail` an email address, and a
 * business customer — one with `b2b.companyRegistrationId` — needs a first name, a last name and a company.
 * The wire body (changed fields only, plus `metadata.version`) is built by `useProfileForm`.
 */
export const profileFormSchema = /* @__PURE__ */ schema(() =>
  profileFormFields().check(
    z.superRefine((values, ctx) => {
      if (filled(values.b2b?.companyRegistrationId)) requireCompanyNames(values, ctx, messageKey('profile.b2bRequired'));
    }, always),
  ),
);

/**
 * {@link profileFormSchema} for one customer's profile: a contact email that is set cannot be removed again,
 * nor can a preferred currency (the API takes only a three-letter code, so clearing it would send `''`).
 *
 * @example
 * ```ts
 * useForm({ resolver: zodResolver(profileFormSchemaFor(customer), { error: formIssueMessages }) });
 * ```
 */
export function profileFormSchemaFor(
  current: Pick<Customer, 'contactEmail' | 'preferredCurrency'> | undefined,
): typeof profileFormSchema {
  if (!current?.contactEmail && !current?.preferredCurrency) return profileFormSchema;
  return profileFormSchema.check(
    z.superRefine((values, ctx) => {
      if (current.contactEmail && !filled(values.contactEmail)) {
        ctx.addIssue({ code: 'custom', path: ['contactEmail'], message: messageKey('profile.contactEmailRequired') });
      }
      if (current.preferredCurrency && !filled(values.preferredCurrency)) {
        ctx.addIssue({ code: 'custom', path: ['preferredCurrency'], message: messageKey('profile.currencyCode') });
      }
    }, always),
  );
}

/** The profile form's values as its inputs hold them, e.g. for `defaultValues`. */
export type ProfileFormInput = z.input<typeof profileFormSchema>;
/** The profile form's values after validation, as `onSubmit` receives them. */
export type ProfileFormValues = z.output<typeof profileFormSchema>;
