/**
 * Every email field of the forms takes the same rule: what the server accepts decides, so a form refuses only
 * what can never be an email address — and takes addresses in any script (`jürgen@bücher.de`).
 */
import { describe, expect, it } from 'vitest';
import { changeEmailFormSchema } from './change-email-form-schema';
import { loginFormSchema } from './login-form-schema';
import { passwordResetRequestFormSchema } from './password-reset-request-form-schema';
import { profileFormSchema } from './profile-form-schema';
import { resendActivationFormSchema } from './resend-activation-form-schema';
import { signupFormDefaults, signupFormSchema } from './signup-form-schema';

const profile = {
  title: '', firstName: '', middleName: '', lastName: '', contactPhone: '', company: '',
  preferredLanguage: '', preferredSite: '', preferredCurrency: '', contactEmail: '', b2b: { companyRegistrationId: '' },
};
const signup = { ...signupFormDefaults, email: 'max@example.com', password: 'secret-1', confirmPassword: 'secret-1' };

/** Each email field, as a way to parse a form with `email` in that field. */
const fields: Record<string, (email: string) => { success: boolean; error?: { issues: { path: PropertyKey[]; code: string }[] } }> = {
  'login email': (email) => loginFormSchema.safeParse({ email, password: 'secret-1' }),
  'signup email': (email) => signupFormSchema.safeParse({ ...signup, email }),
  'signup login email (signup.email)': (email) =>
    signupFormSchema.safeParse({ ...signup, signup: { email, password: 'other-pw' } }),
  'resend activation email': (email) => resendActivationFormSchema.safeParse({ email }),
  'password reset email': (email) => passwordResetRequestFormSchema.safeParse({ email }),
  'change email: current email': (email) =>
    changeEmailFormSchema.safeParse({ email, password: 'secret-1', newEmail: 'new@example.com', syncContactEmail: false }),
  'change email: new email': (email) =>
    changeEmailFormSchema.safeParse({ email: 'old@example.com', password: 'secret-1', newEmail: email, syncContactEmail: false }),
  'profile contact email': (email) => profileFormSchema.safeParse({ ...profile, contactEmail: email }),
};

const international = [
  'jürgen@bücher.de',
  'JÜRGEN@BÜCHER.DE',
  '用户@例子.广告',
  'θσερ@εχαμπλε.ψομ',
  'max@xn--bcher-kva.de',
  'max+shop@example.com',
  '"max mustermann"@example.com',
];
const neverAnEmail = ['jürgen', 'jürgen@', '@bücher.de', 'jür gen@bücher.de', 'jürgen@bü cher.de', 'a@b@c.de'];

describe.each(Object.entries(fields))('%s', (_name, parse) => {
  it.each(international)('takes %s', (email) => {
    expect(parse(email).error?.issues ?? []).toEqual([]);
  });

  it.each(neverAnEmail)('refuses %s as an email address', (email) => {
    const result = parse(email);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.code)).toContain('invalid_format');
  });
});
