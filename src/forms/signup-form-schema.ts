import * as z from 'zod/mini';
import { customerSignupSchema, type CustomerSignup } from '../api/schemas';
import { addressTextFields } from './address-form-schema';
import {
  always,
  blankOr,
  codeField,
  currencyCode,
  customerTextFields,
  emailField,
  filled,
  requireCompanyNames,
  requireSame,
  schema,
  trimmed,
  trimmedFields,
} from './fields';
import { messageKey } from './message-key';

const model = customerSignupSchema.shape;
const details = model.customerDetails.def.innerType.shape;
const address = model.customerAddress.def.innerType.shape;
const credentials = model.signup.def.innerType.shape;

/** The fields of the signup form, before the rules that span several fields. */
function signupFormFields() {
  /**
   * The optional delivery address given at signup: every text field of the model's `Address`, trimmed; empty or
   * absent (a field the form does not render) means "not given".
   */
  const signupAddressFields = z.partial(
    z.object({
      ...trimmedFields(address, ['contactName', ...addressTextFields] as const),
      // The model's two-letter code, as ISO 3166 writes it.
      country: codeField(address.country, /^[A-Z]{2}$/, messageKey('signup.countryCode')),
    }),
  );
  const b2b = details.b2b.def.innerType;

  return z.extend(
    z.partial(
      z.object({
        ...trimmedFields(details, customerTextFields),
        /** Three-letter currency code (ISO 4217), upper-cased; empty means not given. */
        preferredCurrency: currencyCode(details.preferredCurrency, messageKey('signup.currencyCode')),
      }),
    ),
    {
      /** The login email; also sent as the contact email unless separate `signup` credentials are given. */
      email: emailField(model.email),
      // A new password follows the login model's rule (at least 6 characters), the stricter of the API's two.
      /** The password to log in with: at least 6 characters. */
      password: credentials.password,
      /** The password typed again; it must match. */
      confirmPassword: model.password,
      /**
       * The company registration id (`b2b.companyRegistrationId`); with one, first name, last name and company are
       * required (unless `forCompany` is unchecked).
       */
      b2b: z.optional(z.extend(b2b, { companyRegistrationId: z.optional(trimmed(b2b.shape.companyRegistrationId)) })),
      /**
       * "I am signing up for a company". Unchecked (`false`) drops the company fields from the request; left out
       * of the form (`undefined`) they are sent as typed.
       */
      forCompany: z.optional(z.boolean()),
      /**
       * An optional first address (`customerAddress.street`, …); once any of its fields is filled in, `contactName`
       * is required.
       */
      customerAddress: z.optional(signupAddressFields),
      /** Separate login credentials (the API's `signup` block); empty means "log in with `email` and `password`". */
      signup: z.optional(
        z.extend(model.signup.def.innerType, {
          email: z.optional(blankOr(emailField(credentials.email))),
          password: z.optional(blankOr(credentials.password)),
        }),
      ),
    },
  );
}

type SignupFormFields = z.output<ReturnType<typeof signupFormFields>>;

function addressGiven(values: SignupFormFields): boolean {
  return Object.values(values.customerAddress ?? {}).some(filled);
}

function credentialsGiven(values: SignupFormFields): boolean {
  return filled(values.signup?.email) || filled(values.signup?.password);
}

/**
 * Signup: the API's `CustomerSignup` as a shopper fills it in — login email and password, the password typed
 * twice alike, the `customerDetails` as flat fields (`firstName`, `company`, `b2b.companyRegistrationId`, …),
 * optionally `customerAddress.*` and separate `signup.*` credentials. Text is trimmed and empty means "not
 * given". Rules of the models: an email address, a new password of at least 6 characters, a three-letter
 * currency, a two-letter country and a contact name for an address. Business rules: with a company
 * registration id, first name, last name and company are required. `contactEmail` is not a field: the request
 * built by {@link toCustomerSignup} sets it to `email`.
 */
export const signupFormSchema = /* @__PURE__ */ schema(() =>
  signupFormFields().check(
    z.superRefine((values, ctx) => {
      requireSame(values, ctx, {
        field: 'password',
        confirm: 'confirmPassword',
        message: messageKey('signup.passwordMismatch'),
      });
      if (values.forCompany !== false && filled(values.b2b?.companyRegistrationId)) {
        requireCompanyNames(values, ctx, messageKey('signup.b2bRequired'));
      }
      if (addressGiven(values) && !filled(values.customerAddress?.contactName)) {
        ctx.addIssue({ code: 'custom', path: ['customerAddress', 'contactName'], message: messageKey('field.required') });
      }
      if (credentialsGiven(values)) {
        if (!filled(values.signup?.email)) {
          ctx.addIssue({ code: 'custom', path: ['signup', 'email'], message: messageKey('field.required') });
        }
        if (!filled(values.signup?.password)) {
          ctx.addIssue({ code: 'custom', path: ['signup', 'password'], message: messageKey('field.required') });
        }
      }
    }, always),
  ),
);

/** The signup form's values as its inputs hold them, e.g. for `defaultValues`. */
export type SignupFormInput = z.input<typeof signupFormSchema>;
/** The signup form's values after validation, as `onSubmit` receives them. */
export type SignupFormValues = z.output<typeof signupFormSchema>;

/**
 * The form's first values: empty fields, and the preferences the API would otherwise assume (its model
 * defaults), so the request states them. Override any of them with the form's `defaultValues`.
 */
export const signupFormDefaults = {
  email: '',
  password: '',
  confirmPassword: '',
  firstName: '',
  lastName: '',
  company: '',
  b2b: { companyRegistrationId: '' },
  preferredLanguage: 'en_US',
  preferredCurrency: 'USD',
  preferredSite: 'main',
} as const satisfies SignupFormInput;

/** Keeps the given (non-empty) values only. */
function given<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== '')) as Partial<T>;
}

/**
 * The signup request for validated form values: empty fields left out, the company fields only when the
 * shopper signs up for a company, `customerDetails.contactEmail` equal to `email` — unless separate sign-up
 * credentials are used, in which case the API does not require them to match and none is sent.
 */
export function toCustomerSignup(values: SignupFormValues): CustomerSignup {
  const forCompany = values.forCompany !== false;
  const separateCredentials = credentialsGiven(values);
  const registrationId = forCompany ? values.b2b?.companyRegistrationId : undefined;
  const customerDetails: NonNullable<CustomerSignup['customerDetails']> = given({
    title: values.title,
    firstName: values.firstName,
    middleName: values.middleName,
    lastName: values.lastName,
    contactPhone: values.contactPhone,
    company: forCompany ? values.company : undefined,
    preferredLanguage: values.preferredLanguage,
    preferredCurrency: values.preferredCurrency,
    preferredSite: values.preferredSite,
    contactEmail: separateCredentials ? undefined : values.email,
  });
  if (registrationId) customerDetails.b2b = { companyRegistrationId: registrationId };

  const body: CustomerSignup = { email: values.email, password: values.password, customerDetails };
  if (addressGiven(values) && values.customerAddress) {
    body.customerAddress = { ...given(values.customerAddress), contactName: values.customerAddress.contactName ?? '' };
  }
  if (separateCredentials && values.signup) {
    body.signup = { email: values.signup.email ?? '', password: values.signup.password ?? '' };
  }
  return body;
}

/** Where the API's field paths land in the form: `customerDetails.firstName` → `firstName`, and so on. */
export const signupFieldMap: Readonly<Record<string, string>> = Object.fromEntries([
  ...Object.keys(details).map((name) => [`customerDetails.${name}`, name]),
  ['customerDetails.b2b.companyRegistrationId', 'b2b.companyRegistrationId'],
  ['customerDetails.contactEmail', 'email'],
]);
