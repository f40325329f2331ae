/** Request-body rules. Each collects ErrorMessage details and throws one validation refusal. */
import { MIN_PASSWORD_LENGTH } from './constants';
import { PROFILE_FIELDS, pickAddressFields, sameEmail } from './records';
import { assertNoDetails, detail, type ErrorDetail } from './refusal';
import type { SimulatorAddressFields, SimulatorProfileFields } from './types';

export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export function checkEmail(field: string, value: unknown, details: ErrorDetail[]): string | undefined {
  const email = asString(value);
  if (email === undefined) details.push(detail.missing(field));
  else if (!EMAIL.test(email)) details.push(detail.invalid(field, `${field} is not an email address.`));
  return email;
}

/** A new password: present and at least MIN_PASSWORD_LENGTH characters. */
export function checkNewPassword(field: string, value: unknown, details: ErrorDetail[]): string | undefined {
  const password = typeof value === 'string' && value !== '' ? value : undefined;
  if (password === undefined) details.push(detail.missing(field));
  else if (password.length < MIN_PASSWORD_LENGTH)
    details.push(detail.invalid(field, `${field} must have at least ${MIN_PASSWORD_LENGTH} characters.`));
  return password;
}

export function checkRequired(field: string, value: unknown, details: ErrorDetail[]): string | undefined {
  const text = asString(value);
  if (text === undefined) details.push(detail.missing(field));
  return text;
}

// ---- addresses -------------------------------------------------------------------------------

export interface AddressInput {
  fields: Partial<SimulatorAddressFields>;
  tags?: string[];
  isDefault?: boolean;
  mixins?: JsonObject;
  version?: number;
}

function checkAddressShape(body: JsonObject, prefix: string, partial: boolean, details: ErrorDetail[]): void {
  const hasName = asString(body.contactName) !== undefined;
  if (!hasName && (!partial || 'contactName' in body)) details.push(detail.missing(`${prefix}contactName`));
  if (body.country !== undefined && (typeof body.country !== 'string' || !/^[A-Za-z]{2}$/.test(body.country)))
    details.push(detail.invalid(`${prefix}country`, 'country must be a two-letter country code.'));
  if (body.tags !== undefined && !(Array.isArray(body.tags) && body.tags.every((t) => typeof t === 'string')))
    details.push(detail.invalid(`${prefix}tags`, 'tags must be a list of strings.'));
  if (body.isDefault !== undefined && typeof body.isDefault !== 'boolean')
    details.push(detail.invalid(`${prefix}isDefault`, 'isDefault must be a boolean.'));
}

function readVersion(body: JsonObject, field: string, details: ErrorDetail[]): number | undefined {
  const version = asObject(body.metadata)?.version;
  if (version === undefined) return undefined;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    details.push(detail.invalid(field, 'metadata.version must be an integer.'));
    return undefined;
  }
  return version;
}

/** Address body for create (`partial: false`, contactName required) or update (`partial: true`). */
export function readAddress(body: JsonObject, options: { partial: boolean; prefix?: string }, details: ErrorDetail[]): AddressInput {
  const prefix = options.prefix ?? '';
  checkAddressShape(body, prefix, options.partial, details);
  const input: AddressInput = { fields: pickAddressFields(body) };
  if (Array.isArray(body.tags)) input.tags = [...new Set(body.tags.filter((t): t is string => typeof t === 'string'))];
  if (typeof body.isDefault === 'boolean') input.isDefault = body.isDefault;
  const mixins = asObject(body.mixins);
  if (mixins) input.mixins = mixins;
  const version = readVersion(body, `${prefix}metadata.version`, details);
  if (version !== undefined) input.version = version;
  return input;
}

export function parseAddress(body: JsonObject, partial: boolean): AddressInput {
  const details: ErrorDetail[] = [];
  const input = readAddress(body, { partial }, details);
  assertNoDetails(details);
  return input;
}

// ---- profile ---------------------------------------------------------------------------------

export interface ProfilePatch {
  /** Field → new value; `null` removes an optional field. */
  fields: Partial<Record<keyof SimulatorProfileFields, string | null>>;
  b2b?: { companyRegistrationId?: string } | null;
  mixins?: JsonObject;
  version?: number;
}

function readProfileField(body: JsonObject, field: keyof SimulatorProfileFields, prefix: string, details: ErrorDetail[]) {
  const value = body[field];
  if (value === undefined || value === null || typeof value === 'string') return value;
  details.push(detail.invalid(`${prefix}${field}`, `${field} must be a string.`));
  return undefined;
}

export function readProfile(body: JsonObject, prefix: string, details: ErrorDetail[]): ProfilePatch {
  const patch: ProfilePatch = { fields: {} };
  for (const field of PROFILE_FIELDS) {
    const value = readProfileField(body, field, prefix, details);
    if (value !== undefined) patch.fields[field] = value;
  }
  const currency = patch.fields.preferredCurrency;
  if (typeof currency === 'string' && !/^[A-Za-z]{3}$/.test(currency))
    details.push(detail.invalid(`${prefix}preferredCurrency`, 'preferredCurrency must be a three-letter ISO 4217 code.'));
  if (body.b2b === null) patch.b2b = null;
  const b2b = asObject(body.b2b);
  if (b2b) patch.b2b = typeof b2b.companyRegistrationId === 'string' ? { companyRegistrationId: b2b.companyRegistrationId } : {};
  const mixins = asObject(body.mixins);
  if (mixins) patch.mixins = mixins;
  const version = readVersion(body, `${prefix}metadata.version`, details);
  if (version !== undefined) patch.version = version;
  return patch;
}

/** B2B customers need a first name, last name and company. */
export function checkB2bNames(
  profile: Partial<Record<'firstName' | 'lastName' | 'company', unknown>>,
  prefix: string,
  details: ErrorDetail[],
): void {
  for (const field of ['firstName', 'lastName', 'company'] as const) {
    if (asString(profile[field]) === undefined) details.push(detail.missing(`${prefix}${field}`));
  }
}

export function parseProfilePatch(body: JsonObject): ProfilePatch {
  const details: ErrorDetail[] = [];
  const patch = readProfile(body, '', details);
  if ('contactEmail' in body && asString(body.contactEmail) === undefined)
    details.push(detail.invalid('contactEmail', 'contactEmail cannot be unset.'));
  assertNoDetails(details);
  return patch;
}

// ---- signup ----------------------------------------------------------------------------------

export interface SignupInput {
  loginEmail: string;
  password: string;
  profile: ProfilePatch;
  address?: AddressInput;
}

function checkContactEmail(body: JsonObject, customerDetails: JsonObject, details: ErrorDetail[]): void {
  const contactEmail = customerDetails.contactEmail;
  if (contactEmail === undefined || asObject(body.signup)) return;
  if (!sameEmail(asString(contactEmail), asString(body.email)))
    details.push(detail.invalid('customerDetails.contactEmail', 'contactEmail must equal email.'));
}

/**
 * Signup: `email` + `password` (≥ 6 here) required; `customerDetails.contactEmail` must equal `email`
 * unless a separate `signup` credentials block gives the login email and password.
 */
export function parseSignup(body: JsonObject): SignupInput {
  const details: ErrorDetail[] = [];
  const email = checkEmail('email', body.email, details);
  const password = checkNewPassword('password', body.password, details);
  const credentials = asObject(body.signup);
  const loginEmail = credentials ? checkEmail('signup.email', credentials.email, details) : email;
  const loginPassword = credentials ? checkNewPassword('signup.password', credentials.password, details) : password;
  const customerDetails = asObject(body.customerDetails) ?? {};
  checkContactEmail(body, customerDetails, details);
  const profile = readProfile(customerDetails, 'customerDetails.', details);
  if (profile.b2b?.companyRegistrationId) checkB2bNames(customerDetails, 'customerDetails.', details);
  const addressBody = asObject(body.customerAddress);
  const address = addressBody ? readAddress(addressBody, { partial: false, prefix: 'customerAddress.' }, details) : undefined;
  assertNoDetails(details);
  profile.fields.contactEmail ??= email as string;
  return { loginEmail: loginEmail as string, password: loginPassword as string, profile, ...(address ? { address } : {}) };
}

// ---- credentials -----------------------------------------------------------------------------

export function parseLogin(body: JsonObject): { email: string; password: string } {
  const details: ErrorDetail[] = [];
  const email = checkRequired('email', body.email, details);
  const password = checkRequired('password', body.password, details);
  assertNoDetails(details);
  return { email: email as string, password: password as string };
}

export function parseEmailOnly(body: JsonObject): { email: string } {
  const details: ErrorDetail[] = [];
  const email = checkRequired('email', body.email, details);
  assertNoDetails(details);
  return { email: email as string };
}

export function parseTokenOnly(body: JsonObject): { token: string } {
  const details: ErrorDetail[] = [];
  const token = checkRequired('token', body.token, details);
  assertNoDetails(details);
  return { token: token as string };
}

export function parsePasswordChange(body: JsonObject): { currentPassword: string; newPassword: string } {
  const details: ErrorDetail[] = [];
  const currentPassword = checkRequired('currentPassword', body.currentPassword, details);
  const newPassword = checkNewPassword('newPassword', body.newPassword, details);
  assertNoDetails(details);
  return { currentPassword: currentPassword as string, newPassword: newPassword as string };
}

export function parsePasswordUpdate(body: JsonObject): { token: string; password: string } {
  const details: ErrorDetail[] = [];
  const token = checkRequired('token', body.token, details);
  const password = checkNewPassword('password', body.password, details);
  assertNoDetails(details);
  return { token: token as string, password: password as string };
}

export interface EmailChangeInput {
  email: string;
  password: string;
  newEmail: string;
  syncContactEmail: boolean;
}

export function parseEmailChange(body: JsonObject): EmailChangeInput {
  const details: ErrorDetail[] = [];
  const email = checkRequired('email', body.email, details);
  const password = checkRequired('password', body.password, details);
  const newEmail = checkEmail('newEmail', body.newEmail, details);
  if (body.syncContactEmail !== undefined && typeof body.syncContactEmail !== 'boolean')
    details.push(detail.invalid('syncContactEmail', 'syncContactEmail must be a boolean.'));
  assertNoDetails(details);
  return {
    email: email as string,
    password: password as string,
    newEmail: newEmail as string,
    syncContactEmail: body.syncContactEmail === true,
  };
}
