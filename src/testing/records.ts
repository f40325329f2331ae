/** Stored shapes of the in-memory tenant, and conversions from seeds / to snapshots. */
import { randomHex } from './random';
import type {
  SimulatorAddressFields,
  SimulatorAddressSeed,
  SimulatorCustomerSeed,
  SimulatorCustomerSnapshot,
  SimulatorLegalEntity,
  SimulatorProfileFields,
} from './types';

export const ADDRESS_FIELDS = [
  'contactName',
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
  'country',
  'state',
  'contactPhone',
] as const satisfies readonly (keyof SimulatorAddressFields)[];

export const PROFILE_FIELDS = [
  'title',
  'firstName',
  'middleName',
  'lastName',
  'contactEmail',
  'contactPhone',
  'company',
  'preferredLanguage',
  'preferredCurrency',
  'preferredSite',
] as const satisfies readonly (keyof SimulatorProfileFields)[];

export const PROFILE_DEFAULTS = { preferredLanguage: 'en_US', preferredCurrency: 'USD', preferredSite: 'main' } as const;

export interface AddressRecord extends SimulatorAddressFields {
  id: string;
  isDefault: boolean;
  tags: string[];
  mixins: Record<string, unknown>;
  version: number;
}

export interface CustomerRecord {
  id: string;
  customerNumber: string;
  loginEmail: string;
  password: string | undefined;
  activated: boolean;
  /** An inactive account that no activation link can activate: it waits for an employee. */
  awaitsEmployee?: boolean;
  /** Set for accounts provisioned by social login / token exchange. */
  providerId?: string;
  profile: SimulatorProfileFields;
  b2b?: { companyRegistrationId?: string };
  mixins: Record<string, unknown>;
  legalEntities: SimulatorLegalEntity[];
  addresses: AddressRecord[];
  version: number;
  lastLogin?: string;
}

export function sameEmail(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function newAddressId(): string {
  return randomHex(10);
}

/** Copies known address fields whose values are strings. */
export function pickAddressFields(source: Record<string, unknown>): Partial<SimulatorAddressFields> {
  const out: Partial<SimulatorAddressFields> = {};
  for (const field of ADDRESS_FIELDS) {
    const value = source[field];
    if (typeof value === 'string') out[field] = value;
  }
  return out;
}

export function addressFromSeed(seed: SimulatorAddressSeed): AddressRecord {
  return {
    ...pickAddressFields(seed as unknown as Record<string, unknown>),
    contactName: seed.contactName,
    id: seed.id ?? newAddressId(),
    isDefault: seed.isDefault ?? false,
    tags: [...new Set(seed.tags ?? [])],
    mixins: structuredClone(seed.mixins ?? {}),
    version: 1,
  };
}

function profileFromSeed(seed: SimulatorCustomerSeed): SimulatorProfileFields {
  const profile: SimulatorProfileFields = { ...PROFILE_DEFAULTS };
  for (const field of PROFILE_FIELDS) {
    const value = seed[field];
    if (typeof value === 'string') profile[field] = value;
  }
  profile.contactEmail ??= seed.email;
  return profile;
}

/** At most one default: the first flagged address wins. */
export function normaliseDefault(addresses: AddressRecord[]): void {
  let seen = false;
  for (const address of addresses) {
    if (address.isDefault && seen) address.isDefault = false;
    if (address.isDefault) seen = true;
  }
}

export function customerFromSeed(seed: SimulatorCustomerSeed, id: string, extraEntities: SimulatorLegalEntity[] = []): CustomerRecord {
  const addresses = (seed.addresses ?? []).map(addressFromSeed);
  normaliseDefault(addresses);
  return {
    id,
    customerNumber: id,
    loginEmail: seed.email,
    password: seed.password,
    activated: seed.activated ?? true,
    ...(seed.activated === false && seed.awaits === 'employee' ? { awaitsEmployee: true } : {}),
    profile: profileFromSeed(seed),
    ...(seed.b2b ? { b2b: { ...seed.b2b } } : {}),
    mixins: structuredClone(seed.mixins ?? {}),
    legalEntities: structuredClone([...(seed.legalEntities ?? []), ...extraEntities]),
    addresses,
    version: 1,
  };
}

export function snapshotCustomer(customer: CustomerRecord): SimulatorCustomerSnapshot {
  const {
    version,
    loginEmail,
    password: _password,
    providerId: _providerId,
    awaitsEmployee: _awaitsEmployee,
    profile,
    addresses,
    ...rest
  } = customer;
  return structuredClone({
    ...rest,
    ...profile,
    email: loginEmail,
    metadata: { version },
    addresses: addresses.map(({ version: addressVersion, ...address }) => ({
      ...address,
      metadata: { version: addressVersion },
    })),
  });
}

/** The built-in shopper: Jane Doe with one default Berlin address. */
export function defaultSeed(email: string, password: string): SimulatorCustomerSeed {
  return {
    email,
    password,
    firstName: 'Jane',
    lastName: 'Doe',
    contactPhone: '+49 30 1234567',
    addresses: [
      {
        contactName: 'Jane Doe',
        street: 'Friedrichstraße',
        streetNumber: '43',
        zipCode: '10117',
        city: 'Berlin',
        country: 'DE',
        contactPhone: '+49 30 1234567',
        isDefault: true,
        tags: ['BILLING', 'SHIPPING'],
      },
    ],
  };
}
