import { describe, expect, it } from 'vitest';
import { customerSignupSchema } from '../api/schemas';
import { signupFieldMap, signupFormDefaults, signupFormSchema, toCustomerSignup, type SignupFormInput } from './signup-form-schema';

const base: SignupFormInput = { ...signupFormDefaults, email: ' max@example.com ', password: 'secret-1', confirmPassword: 'secret-1' };

function issues(input: SignupFormInput) {
  const result = signupFormSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('signupFormSchema', () => {
  it('builds a valid CustomerSignup with contactEmail = email and the model defaults', () => {
    const body = toCustomerSignup(signupFormSchema.parse({ ...base, firstName: ' Max ' }));
    expect(body).toEqual({
      email: 'max@example.com',
      password: 'secret-1',
      customerDetails: {
        firstName: 'Max',
        preferredLanguage: 'en_US',
        preferredCurrency: 'USD',
        preferredSite: 'main',
        contactEmail: 'max@example.com',
      },
    });
    expect(customerSignupSchema.safeParse(body).success).toBe(true);
  });

  it('sends contactEmail with separate sign-up credentials too, as the reference example does', () => {
    const body = toCustomerSignup(
      signupFormSchema.parse({ ...base, signup: { email: 'login@example.com', password: 'other-pw' } }),
    );
    expect(body.signup).toEqual({ email: 'login@example.com', password: 'other-pw' });
    expect(body.customerDetails?.contactEmail).toBe('max@example.com');
  });

  it('sends the contact email the form gives, trimmed; a blank one means email', () => {
    const given = toCustomerSignup(signupFormSchema.parse({ ...base, contactEmail: ' post@example.com ' }));
    expect(given.customerDetails?.contactEmail).toBe('post@example.com');
    expect(toCustomerSignup(signupFormSchema.parse({ ...base, contactEmail: '' })).customerDetails?.contactEmail).toBe(
      'max@example.com',
    );
    expect(Object.keys(issues({ ...base, contactEmail: 'post@' }))).toEqual(['contactEmail']);
  });

  it('checks separate credentials once any of them is given', () => {
    expect(issues({ ...base, signup: { email: 'login@example.com', password: '' } })).toEqual({
      'signup.password': 'field.required',
    });
    expect(issues({ ...base, signup: { email: '', password: '' } })).toEqual({});
  });

  it('adds an address only when one is given, and then needs its contact name and a two-letter country', () => {
    expect(toCustomerSignup(signupFormSchema.parse({ ...base, customerAddress: { contactName: '', city: '' } })).customerAddress).toBeUndefined();
    expect(issues({ ...base, customerAddress: { contactName: '', city: 'Berlin', country: 'DEU' } })).toEqual({
      'customerAddress.contactName': 'field.required',
      'customerAddress.country': 'signup.countryCode',
    });
    const body = toCustomerSignup(
      signupFormSchema.parse({ ...base, customerAddress: { contactName: 'Max', city: 'Berlin', country: 'de', street: '' } }),
    );
    expect(body.customerAddress).toEqual({ contactName: 'Max', city: 'Berlin', country: 'DE' });
  });

  it('reads currency and country codes typed in any case, with spaces around them', () => {
    const values = signupFormSchema.parse({
      ...base,
      preferredCurrency: ' eur ',
      customerAddress: { contactName: 'Max', country: ' de' },
    });
    expect(values.preferredCurrency).toBe('EUR');
    expect(values.customerAddress?.country).toBe('DE');
    expect(issues({ ...base, preferredCurrency: ' euro ' })).toEqual({ preferredCurrency: 'signup.currencyCode' });
    expect(issues({ ...base, preferredCurrency: 'E1R' })).toEqual({ preferredCurrency: 'signup.currencyCode' });
  });

  it('requires names and company with a registration id, unless the company box is unchecked', () => {
    const b2b = { ...base, b2b: { companyRegistrationId: 'HRB 1' } };
    expect(issues(b2b)).toEqual({
      firstName: 'signup.b2bRequired',
      lastName: 'signup.b2bRequired',
      company: 'signup.b2bRequired',
    });
    expect(issues({ ...b2b, forCompany: false })).toEqual({});
    expect(toCustomerSignup(signupFormSchema.parse({ ...b2b, company: 'ACME', forCompany: false })).customerDetails).not.toHaveProperty('company');
  });

  it('maps the API field paths to form fields', () => {
    expect(signupFieldMap['customerDetails.firstName']).toBe('firstName');
    expect(signupFieldMap['customerDetails.b2b.companyRegistrationId']).toBe('b2b.companyRegistrationId');
    expect(signupFieldMap['customerDetails.contactEmail']).toBe('email');
  });
});
