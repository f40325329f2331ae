import * as z from 'zod/mini';
import { addressCreateSchema, addressSchema, addressUpdateSchema } from '../api/schemas';
import { required, schema } from './fields';

/** The tags the address form and book offer unless told otherwise. */
export const defaultAddressTags = ['BILLING', 'SHIPPING'] as const;

/** The optional text fields of an address, as the API names them. */
export const addressTextFields = [
  'companyName',
  'street',
  'streetNumber',
  'streetAppendix',
  'extraLine1',
  'extraLine2',
  'extraLine3',
  'extraLine4',
  'zipCode',
  'city',
  'state',
  'contactPhone',
] as const;

/** The name of one optional text field of an address (`street`, `zipCode`, `city`, …). */
export type AddressTextField = (typeof addressTextFields)[number];

const ADDRESS_TEXT = Object.fromEntries(addressTextFields.map((field) => [field, true])) as {
  [K in AddressTextField]: true;
};

/** The model's `country` (exactly two characters), read as ISO 3166-1 alpha-2: two letters. */
function isCountryCode(value: string): boolean {
  return /^[A-Z]{2}$/.test(value) && required(addressSchema.shape.country).safeParse(value).success;
}

/**
 * One address, as the address form edits it: the fields of `AddressCreateDto`, the `isDefault` flag of
 * `AddressUpdateDto`, and the rules of the `Address` model — `contactName` required, `country` exactly two
 * letters (upper-cased before it is checked, so `de` is sent as `DE`). Every other field is an optional string.
 *
 * Tags are edited as one checkbox per tag (`tags.BILLING`, `tags.SHIPPING`, …) and come out as the list of
 * the checked ones, as the API takes them. Tag names therefore must not contain dots.
 */
export const addressFormSchema = /* @__PURE__ */ schema(() =>
  z.extend(z.pick(addressCreateSchema, ADDRESS_TEXT), {
    /** Who receives mail at this address; required. */
    contactName: addressSchema.shape.contactName.check(z.trim(), z.minLength(1)),
    /** Two-letter country code (ISO 3166-1 alpha-2), upper-cased before it is checked; empty means not set. */
    country: z.optional(
      required(addressCreateSchema.shape.country).check(
        z.trim(),
        z.toUpperCase(),
        z.refine((value) => value === '' || isCountryCode(value), { message: 'address.countryCode' }),
      ),
    ),
    /** One checkbox per tag (`tags.BILLING`, `tags.SHIPPING`, …); comes out as the list of checked tags. */
    tags: z.pipe(
      z.pipe(
        z.optional(z.record(z.string(), z.optional(z.boolean()))),
        z.transform((flags) => Object.keys(flags ?? {}).filter((tag) => flags?.[tag] === true)),
      ),
      addressCreateSchema.shape.tags.def.innerType,
    ),
    /** Whether this becomes the customer's default address. */
    isDefault: addressUpdateSchema.shape.isDefault,
  }),
);

/** The address form's values as its inputs hold them, e.g. for `defaultValues`. */
export type AddressFormInput = z.input<typeof addressFormSchema>;
/** The address form's values after validation, as `onSubmit` receives them. */
export type AddressFormValues = z.output<typeof addressFormSchema>;
