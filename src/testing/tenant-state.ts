/**
 * The in-memory tenant: customers, their addresses, the outbox and one-time codes, with the rules
 * of the customer-managed API. No HTTP here: rules throw `Refusal`s, handlers render them.
 */
import { SUBJECT_TOKEN_LIFETIME } from './constants';
import { fakeJwt, pkceChallenge, randomHex, randomToken } from './random';
import {
  customerFromSeed,
  sameEmail,
  snapshotCustomer,
  type CustomerRecord,
} from './records';
import { assertNoDetails, detail, refuse, type ErrorDetail } from './refusal';
import type {
  SimulatorActivation,
  SimulatorCustomerSeed,
  SimulatorCustomerSnapshot,
  SimulatorLegalEntity,
  SimulatorMail,
  SimulatorMailKind,
  SimulatorSocialCodeOptions,
} from './types';
import { checkB2bNames, type EmailChangeInput, type ProfilePatch, type SignupInput } from './validation';
import { createAddress } from './address-book';

export interface MailToken {
  kind: SimulatorMailKind;
  customerId: string;
  newEmail?: string;
  syncContactEmail?: boolean;
}

export interface SocialCode extends SimulatorSocialCodeOptions {
  email: string;
}

/** The whole tenant as plain JSON (what `toJSON` gives and `restore` takes); collections as entries, in order. */
export interface TenantStateData {
  customers: CustomerRecord[];
  mails: SimulatorMail[];
  mailTokens: [string, MailToken][];
  socialCodes: [string, SocialCode][];
  subjectTokens: [string, { email: string; expiresAt: number }][];
  nextId: number;
}

export class TenantState {
  private readonly customers = new Map<string, CustomerRecord>();
  private readonly mails: SimulatorMail[] = [];
  private readonly mailTokens = new Map<string, MailToken>();
  private readonly socialCodes = new Map<string, SocialCode>();
  private readonly subjectTokens = new Map<string, { email: string; expiresAt: number }>();
  private nextId = 10000001;

  constructor(
    readonly tenant: string,
    private readonly now: () => number,
  ) {}

  toJSON(): TenantStateData {
    return {
      customers: [...this.customers.values()],
      mails: this.mails,
      mailTokens: [...this.mailTokens],
      socialCodes: [...this.socialCodes],
      subjectTokens: [...this.subjectTokens],
      nextId: this.nextId,
    };
  }

  /** A tenant from what `toJSON` gave (e.g. in another tab). */
  static restore(data: TenantStateData, tenant: string, now: () => number): TenantState {
    const state = new TenantState(tenant, now);
    for (const customer of data.customers) state.customers.set(customer.id, customer);
    state.mails.push(...data.mails);
    for (const [value, token] of data.mailTokens) state.mailTokens.set(value, token);
    for (const [code, entry] of data.socialCodes) state.socialCodes.set(code, entry);
    for (const [token, entry] of data.subjectTokens) state.subjectTokens.set(token, entry);
    state.nextId = data.nextId;
    return state;
  }

  // ---- customers -----------------------------------------------------------------------------

  private newCustomerId(): string {
    while (this.customers.has(String(this.nextId))) this.nextId += 1;
    return String(this.nextId++);
  }

  seed(seed: SimulatorCustomerSeed, extraEntities: SimulatorLegalEntity[] = []): string {
    if (this.byEmail(seed.email)) throw new Error(`Simulator: a customer with email ${seed.email} already exists.`);
    const customer = customerFromSeed(seed, seed.id ?? this.newCustomerId(), extraEntities);
    this.customers.set(customer.id, customer);
    return customer.id;
  }

  byId(id: string | undefined): CustomerRecord | undefined {
    return id === undefined ? undefined : this.customers.get(id);
  }

  byEmail(email: string | undefined): CustomerRecord | undefined {
    for (const customer of this.customers.values()) if (sameEmail(customer.loginEmail, email)) return customer;
    return undefined;
  }

  snapshot(idOrEmail: string): SimulatorCustomerSnapshot | undefined {
    const customer = this.byId(idOrEmail) ?? this.byEmail(idOrEmail);
    return customer ? snapshotCustomer(customer) : undefined;
  }

  // ---- outbox --------------------------------------------------------------------------------

  private sendMail(kind: SimulatorMailKind, to: string, token: MailToken): void {
    const value = randomToken(64);
    this.mailTokens.set(value, token);
    this.mails.push({ kind, to, token: value, sentAt: this.now() });
  }

  private takeMailToken(value: string, kind: SimulatorMailKind, what: string): MailToken {
    const token = this.mailTokens.get(value);
    if (!token || token.kind !== kind) throw refuse.usedToken('token', what);
    this.mailTokens.delete(value);
    return token;
  }

  private dropMailTokens(customerId: string, kind: SimulatorMailKind): void {
    for (const [value, token] of this.mailTokens) {
      if (token.customerId === customerId && token.kind === kind) this.mailTokens.delete(value);
    }
  }

  outbox(): SimulatorMail[] {
    return this.mails.map((mail) => ({ ...mail }));
  }

  lastMail(kind: SimulatorMailKind, to?: string): SimulatorMail | undefined {
    const found = this.mails.filter((m) => m.kind === kind && (to === undefined || sameEmail(m.to, to))).at(-1);
    return found ? { ...found } : undefined;
  }

  // ---- signup and activation -----------------------------------------------------------------

  /**
   * Creates the account. It is active at once, or (double opt-in) waits for the link of the activation mail
   * sent now, or waits for an employee to activate it.
   */
  signup(input: SignupInput, activation: SimulatorActivation): CustomerRecord {
    if (this.byEmail(input.loginEmail)) throw refuse.duplicateAccount(input.loginEmail, this.tenant);
    const id = this.seed({
      email: input.loginEmail,
      password: input.password,
      activated: activation === 'immediate',
      ...(activation === 'employee' ? { awaits: 'employee' as const } : {}),
    });
    const customer = this.customers.get(id) as CustomerRecord;
    this.applyProfile(customer, input.profile);
    if (input.address) createAddress(customer, input.address);
    if (activation === 'doubleOptIn') this.sendMail('activation', customer.loginEmail, { kind: 'activation', customerId: id });
    return customer;
  }

  /** Activates an account as an employee would; its activation links stop working. */
  activate(email: string): void {
    const customer = this.byEmail(email);
    if (!customer) throw new Error(`Simulator: no customer with email ${email}.`);
    customer.activated = true;
    delete customer.awaitsEmployee;
    this.dropMailTokens(customer.id, 'activation');
  }

  /** Activates the account of an activation token (single use). */
  confirmActivation(token: string): CustomerRecord {
    const pending = this.takeMailToken(token, 'activation', 'activation token');
    const customer = this.byId(pending.customerId);
    if (!customer) throw refuse.usedToken('token', 'activation token');
    customer.activated = true;
    this.dropMailTokens(customer.id, 'activation');
    return customer;
  }

  /**
   * Resends the activation mail; a new mail supersedes the earlier tokens. Silent for unknown or active
   * accounts, and for accounts waiting for an employee (no link can activate those).
   */
  resendActivation(email: string): void {
    const customer = this.byEmail(email);
    if (!customer || customer.activated || customer.awaitsEmployee) return;
    this.dropMailTokens(customer.id, 'activation');
    this.sendMail('activation', customer.loginEmail, { kind: 'activation', customerId: customer.id });
  }

  // ---- login ---------------------------------------------------------------------------------

  /**
   * Unknown email or wrong password → `loginRefused`. Right credentials on an inactive account →
   * `inactiveLogin` (only after the password matched, so it reveals nothing to a guesser).
   */
  authenticate(email: string, password: string): CustomerRecord {
    const customer = this.byEmail(email);
    if (!customer || customer.password === undefined || customer.password !== password) throw refuse.loginRefused();
    if (!customer.activated) throw refuse.inactiveLogin();
    return customer;
  }

  recordLogin(customer: CustomerRecord): void {
    customer.lastLogin = new Date(this.now()).toISOString();
  }

  // ---- profile -------------------------------------------------------------------------------

  private applyProfile(customer: CustomerRecord, patch: ProfilePatch): void {
    for (const [field, value] of Object.entries(patch.fields) as [keyof typeof patch.fields, string | null][]) {
      if (value === null) delete customer.profile[field];
      else customer.profile[field] = value;
    }
    if (patch.b2b === null) delete customer.b2b;
    else if (patch.b2b) customer.b2b = { ...customer.b2b, ...patch.b2b };
    if (patch.mixins) customer.mixins = { ...customer.mixins, ...structuredClone(patch.mixins) };
  }

  /** Partial merge; a sent `metadata.version` must be the current one (else `staleVersion`); bumps the version. */
  updateProfile(customer: CustomerRecord, patch: ProfilePatch): void {
    if (patch.version !== undefined && patch.version !== customer.version) throw refuse.staleVersion(customer.version);
    const merged = { ...customer.profile, ...patch.fields };
    const b2b = patch.b2b === null ? undefined : { ...customer.b2b, ...patch.b2b };
    const details: ErrorDetail[] = [];
    if (b2b?.companyRegistrationId) checkB2bNames(merged, '', details);
    assertNoDetails(details);
    this.applyProfile(customer, patch);
    customer.version += 1;
  }

  // ---- credentials ---------------------------------------------------------------------------

  changePassword(customer: CustomerRecord, currentPassword: string, newPassword: string): void {
    if (customer.password !== currentPassword) throw refuse.wrongPassword('currentPassword');
    customer.password = newPassword;
  }

  /** Mails a reset token to a known login email; unknown emails get nothing (and no hint). */
  requestPasswordReset(email: string): void {
    const customer = this.byEmail(email);
    if (customer) this.sendMail('passwordReset', customer.loginEmail, { kind: 'passwordReset', customerId: customer.id });
  }

  resetPassword(token: string, password: string): void {
    const pending = this.takeMailToken(token, 'passwordReset', 'password reset token');
    const customer = this.byId(pending.customerId);
    if (!customer) throw refuse.usedToken('token', 'password reset token');
    customer.password = password;
  }

  /** The current login email, then the password, then the new email (whether another account has it). */
  private checkEmailChange(customer: CustomerRecord, input: EmailChangeInput): void {
    if (!sameEmail(customer.loginEmail, input.email))
      throw refuse.validation([detail.invalid('email', 'email is not the current login email.')]);
    if (customer.password === undefined || customer.password !== input.password) throw refuse.wrongPassword('password');
    if (sameEmail(customer.loginEmail, input.newEmail))
      throw refuse.validation([detail.invalid('newEmail', 'newEmail is the current login email.')]);
    if (this.byEmail(input.newEmail)) throw refuse.validation([detail.duplicate('newEmail', 'Another account uses this email.')]);
  }

  /** Checks email + password, then mails a confirmation token to the new address. */
  requestEmailChange(customer: CustomerRecord, input: EmailChangeInput): void {
    this.checkEmailChange(customer, input);
    this.sendMail('emailChange', input.newEmail, {
      kind: 'emailChange',
      customerId: customer.id,
      newEmail: input.newEmail,
      syncContactEmail: input.syncContactEmail,
    });
  }

  /** Switches the login email (and the contact email when requested); bumps the profile version. */
  confirmEmailChange(token: string): void {
    const pending = this.takeMailToken(token, 'emailChange', 'email change token');
    const customer = this.byId(pending.customerId);
    const newEmail = pending.newEmail as string;
    if (!customer) throw refuse.usedToken('token', 'email change token');
    if (this.byEmail(newEmail)) throw refuse.validation([detail.duplicate('token', 'Another account uses the new email by now.')]);
    customer.loginEmail = newEmail;
    if (pending.syncContactEmail) customer.profile.contactEmail = newEmail;
    customer.version += 1;
  }

  // ---- external identities -------------------------------------------------------------------

  /** Finds the account of an external identity, creating an activated password-less one if needed. */
  private provision(email: string): CustomerRecord {
    const existing = this.byEmail(email);
    if (existing) return existing;
    const customer = this.customers.get(this.seed({ email })) as CustomerRecord;
    customer.providerId = `sim|${randomHex(24)}`;
    return customer;
  }

  issueSocialCode(email: string, options: SimulatorSocialCodeOptions = {}): string {
    const code = randomToken(40);
    this.socialCodes.set(code, { email, ...options });
    return code;
  }

  /** A code works once (any attempt burns it); redirect URI and PKCE verifier must match when recorded. */
  async redeemSocialCode(code: string, redirectUri: string, codeVerifier: string | undefined): Promise<CustomerRecord> {
    const entry = this.socialCodes.get(code);
    this.socialCodes.delete(code);
    if (!entry) throw refuse.usedToken('code', 'authorization code');
    if (entry.redirectUri !== undefined && entry.redirectUri !== redirectUri)
      throw refuse.socialLoginMismatch('redirect_uri does not match the authorization request.');
    if (entry.codeChallenge !== undefined && (!codeVerifier || (await pkceChallenge(codeVerifier)) !== entry.codeChallenge))
      throw refuse.socialLoginMismatch('code_verifier does not match the code challenge.');
    return this.provision(entry.email);
  }

  issueSubjectToken(email: string): string {
    const iat = Math.floor(this.now() / 1000);
    const token = fakeJwt({ iss: 'emporix-simulator', sub: randomHex(16), email, iat, exp: iat + SUBJECT_TOKEN_LIFETIME });
    this.subjectTokens.set(token, { email, expiresAt: this.now() + SUBJECT_TOKEN_LIFETIME * 1000 });
    return token;
  }

  /** The account of an issued, unexpired subject token (reusable until it expires), else 401. */
  resolveSubjectToken(token: string): CustomerRecord {
    const entry = this.subjectTokens.get(token);
    if (!entry || this.now() >= entry.expiresAt) throw refuse.subjectTokenRefused();
    return this.provision(entry.email);
  }

  /** A legal entity of the customer, or 400. */
  legalEntity(customer: CustomerRecord, legalEntityId: string): SimulatorLegalEntity {
    const entity = customer.legalEntities.find((e) => e.id === legalEntityId);
    if (!entity) throw refuse.unknownLegalEntity();
    return entity;
  }
}
