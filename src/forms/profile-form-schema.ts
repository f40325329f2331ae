import * as z from 'zod';
import { customerPatchSchema, type Customer } from '../api/schemas';
import { messageKey } from '../components/form/messages';

const model = customerPatchSchema.shape;

/** A text field of the model as the form holds it: always a string, trimmed; empty means "not set". */
function text(field: z.ZodOptional<z.ZodString>) {
  return field.unwrap().trim();
}

/** An optional field with a format: empty, or a value that passes `schema`. */
function blankOr<T extends z.ZodType<string, string>>(schema: T) {
  return z.union([z.literal(''), schema]);
}

function filled(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/** The fields of the profile form, before the rules that span several fields. */
const profileFormFields = customerPatchSchema
  .pick({
    title: true,
    firstName: true,
    middleName: true,
    lastName: true,
    contactPhone: true,
    company: true,
    preferredLanguage: true,
    preferredCurrency: true,
    preferredSite: true,
    contactEmail: true,
    b2b: true,
  })
  .extend({
    title: text(model.title),
    firstName: text(model.firstName),
    middleName: text(model.middleName),
    lastName: text(model.lastName),
    contactPhone: text(model.contactPhone),
    company: text(model.company),
    preferredLanguage: text(model.preferredLanguage),
    // The model's three-letter code, upper-cased as ISO 4217 writes it.
    preferredCurrency: blankOr(
      text(model.preferredCurrency).toUpperCase().regex(/^[A-Z]{3}$/, { message: messageKey('profile.currencyCode') }),
    ),
    preferredSite: text(model.preferredSite),
    contactEmail: blankOr(text(model.contactEmail).pipe(z.email())),
    b2b: model.b2b.unwrap().extend({ companyRegistrationId: text(model.b2b.unwrap().shape.companyRegistrationId) }),
  });

/** Cross-field rules run even while other fields are invalid, so the shopper sees every problem at once. */
const always = { when: () => true };

const B2B_NAMES = ['firstName', 'lastName', 'company'] as const;

/**
 * The profile form: the API's `CustomerPatch` fields a shopper edits, as trimmed text (empty means "not set").
 * `preferredCurrency` is the model's three-letter code (upper-cased), `contactEmail` an email address, and a
 * business customer — one with `b2b.companyRegistrationId` — needs a first name, a last name and a company.
 * The wire body (changed fields only, plus `metadata.version`) is built by `useProfileForm`.
 */
export const profileFormSchema = profileFormFields.superRefine((values, ctx) => {
  if (!filled(values.b2b?.companyRegistrationId)) return;
  for (const name of B2B_NAMES) {
    if (!filled(values[name])) ctx.addIssue({ code: 'custom', path: [name], message: messageKey('profile.b2bRequired') });
  }
}, always);

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
  return profileFormSchema.superRefine((values, ctx) => {
    if (current.contactEmail && !filled(values.contactEmail)) {
      ctx.addIssue({ code: 'custom', path: ['contactEmail'], message: messageKey('profile.contactEmailRequired') });
    }
    if (current.preferredCurrency && !filled(values.preferredCurrency)) {
      ctx.addIssue({ code: 'custom', path: ['preferredCurrency'], message: messageKey('profile.currencyCode') });
    }
  }, always);
}

export type ProfileFormInput = z.input<typeof profileFormSchema>;
export type ProfileFormValues = z.output<typeof profileFormSchema>;
