/**
 * Response parsing for the client. Token answers and created ids parse strictly: a body that does not fit
 * becomes an `EmporixError` of type `malformed_response` (never a crash, never half-typed data).
 *
 * Profiles and addresses parse field by field, because a live tenant's records hold what its own data and
 * integrations put there: a field that fails its schema (a date in another ISO form than expected, a
 * three-letter country) is dropped and reported through `onParseIssue`, and the rest of the record is kept;
 * `null` stands for "not set". What identifies a record still decides whether it is one: a customer's
 * profile or an address without its `id` or `metadata.version` cannot be shown or saved safely, so a profile
 * or an address read on its own is then `malformed_response`, and such an address inside a profile or a list
 * is left out (and reported).
 */
import * as z from 'zod/mini';
import { EmporixError } from './errors';
import {
  addressDtoSchema,
  customerSchema,
  resourceLocationSchema,
  validateTokenResponseSchema,
  type AddressDto,
  type Customer,
  type ValidateTokenResponse,
} from './schemas';

/**
 * Something in an API answer the client could not use as it came, and what it did instead. It names the
 * place, never the value (answers hold personal data).
 */
export interface ParseIssue {
  /** The client operation whose answer it was, e.g. `getCustomer`. */
  operation: string;
  /** Where in the answer, dotted: `lastLogin`, `addresses.1.country`, `2` (the third entry of a list). */
  path: string;
  /** What was wrong with it, e.g. "Invalid input: expected string, received number". */
  message: string;
  /**
   * What the client did: left out that field and kept the rest of the record (`droppedField`), or left out
   * a whole address of a profile or list because it lacks its `id` or `metadata.version` (`droppedEntry`).
   */
  action: 'droppedField' | 'droppedEntry';
}

/** Receives each {@link ParseIssue}: the `onParseIssue` option of `createCustomerClient`. */
export type ParseIssueListener = (issue: ParseIssue) => void;

/** How a tolerant parse reports what it dropped. */
export interface ParseOptions {
  onIssue?: ParseIssueListener | undefined;
}

type Path = readonly PropertyKey[];

function malformed(operation: string, fields: readonly string[]): EmporixError {
  return new EmporixError({
    status: 0,
    type: 'malformed_response',
    message: `The Emporix API answered ${operation} with an unexpected body (${fields.join(', ')}).`,
    operation,
  });
}

const dotted = (path: Path): string => path.map(String).join('.') || '(body)';

function parser<T>(schema: z.ZodMiniType<T>) {
  return (raw: unknown, operation: string): T => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    throw malformed(operation, [...new Set(parsed.error.issues.map((issue) => dotted(issue.path)))]);
  };
}

export const parseValidateToken: (raw: unknown, operation: string) => ValidateTokenResponse =
  parser(validateTokenResponseSchema);

/** `{ id }` of something the API created; an answer without an id is malformed. */
export const parseResourceLocation: (raw: unknown, operation: string) => { id: string } = parser(
  /* @__PURE__ */ z.required(resourceLocationSchema),
);

// ---------------------------------------------------------------------------------------------------
// Field by field

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The container holding the value at `path`, and its key there; `undefined` when the path leads nowhere. */
function locate(root: unknown, path: Path): { parent: Record<PropertyKey, unknown> | unknown[]; key: PropertyKey } | undefined {
  let node = root;
  for (const key of path.slice(0, -1)) {
    if (!isRecord(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  const key = path[path.length - 1];
  if (key === undefined || (!isRecord(node) && !Array.isArray(node))) return undefined;
  return { parent: node as Record<PropertyKey, unknown> | unknown[], key };
}

/** Later array positions first, so that removing one entry leaves the positions of the others as they were. */
function laterFirst(a: Path, b: Path): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a[i], b[i]];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return y - x;
    return String(x) < String(y) ? -1 : 1;
  }
  return b.length - a.length;
}

/** Each pass drops what failed; a record whose problems dropping cannot solve gives up after a few. */
const MAX_PASSES = 8;

/**
 * Parses `raw` with `schema`, dropping each value that fails it (a `null` silently, anything else reported)
 * until the rest fits. `undefined` when it cannot be made to fit (not an object, or a required part missing).
 */
function parseDropping<T>(schema: z.ZodMiniType<T>, raw: unknown, report: (path: Path, message: string) => void): T | undefined {
  if (!isRecord(raw)) return undefined;
  let value: unknown = raw;
  let copied = false;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    if (!copied) {
      value = structuredClone(raw);
      copied = true;
    }
    let dropped = false;
    for (const issue of [...parsed.error.issues].sort((a, b) => laterFirst(a.path, b.path))) {
      const at = locate(value, issue.path);
      if (!at) continue;
      const current = (at.parent as Record<PropertyKey, unknown>)[at.key];
      if (current === undefined) continue;
      if (Array.isArray(at.parent) && typeof at.key === 'number') at.parent.splice(at.key, 1);
      else delete (at.parent as Record<PropertyKey, unknown>)[at.key];
      if (current !== null) report(issue.path, issue.message);
      dropped = true;
    }
    if (!dropped) return undefined;
  }
  return undefined;
}

function hasIdentity(record: { id?: unknown; metadata?: { version?: unknown } }): boolean {
  return typeof record.id === 'string' && record.id !== '' && typeof record.metadata?.version === 'number';
}

/** What a record lacks of its identity, as the error names it. */
function missingIdentity(record: { id?: unknown; metadata?: { version?: unknown } }, needsVersion: boolean): string[] {
  const missing: string[] = [];
  if (typeof record.id !== 'string' || record.id === '') missing.push('id');
  if (needsVersion && typeof record.metadata?.version !== 'number') missing.push('metadata.version');
  return missing;
}

function reporter(operation: string, options: ParseOptions, prefix: Path = []) {
  const dropped = (action: ParseIssue['action']) => (path: Path, message: string) => {
    try {
      options.onIssue?.({ operation, path: dotted([...prefix, ...path]), message, action });
    } catch {
      // A listener that fails must not cost the shopper the answer.
    }
  };
  return { field: dropped('droppedField'), entry: dropped('droppedEntry') };
}

/** Addresses without their identity are left out of a profile or a list, and reported. */
function keepIdentified<T extends { id?: unknown; metadata?: { version?: unknown } }>(
  addresses: readonly (T | undefined)[],
  report: (path: Path, message: string) => void,
  prefix: Path,
): T[] {
  return addresses.flatMap((address, index) => {
    if (address === undefined) return [];
    if (hasIdentity(address)) return [address];
    report([...prefix, index], `An address without ${missingIdentity(address, true).join(' and ')} was left out.`);
    return [];
  });
}

export interface ParseCustomerOptions extends ParseOptions {
  /**
   * Whether it is a customer's profile (read with a customer token): then its `id` and `metadata.version`
   * are required. The placeholder profile an anonymous token gets has an `id` only.
   */
  customer: boolean;
}

/** A profile, field by field (see the module comment). */
export function parseCustomer(raw: unknown, operation: string, options: ParseCustomerOptions): Customer {
  const report = reporter(operation, options);
  const customer = parseDropping(customerSchema, raw, report.field);
  if (!customer) throw malformed(operation, ['(body)']);
  const missing = missingIdentity(customer, options.customer);
  if (missing.length > 0) throw malformed(operation, missing);
  if (customer.addresses) customer.addresses = keepIdentified(customer.addresses, report.entry, ['addresses']);
  if (customer.defaultAddress && !hasIdentity(customer.defaultAddress)) {
    const lacking = missingIdentity(customer.defaultAddress, true).join(' and ');
    delete customer.defaultAddress;
    report.entry(['defaultAddress'], `An address without ${lacking} was left out.`);
  }
  return customer;
}

/** One address, field by field; without its `id` or `metadata.version` it is malformed. */
export function parseAddress(raw: unknown, operation: string, options: ParseOptions = {}): AddressDto {
  const address = parseDropping(addressDtoSchema, raw, reporter(operation, options).field);
  if (!address) throw malformed(operation, ['(body)']);
  const missing = missingIdentity(address, true);
  if (missing.length > 0) throw malformed(operation, missing);
  return address;
}

/** The address book: an array, each address field by field; an address without its identity is left out. */
export function parseAddressList(raw: unknown, operation: string, options: ParseOptions = {}): AddressDto[] {
  if (!Array.isArray(raw)) throw malformed(operation, ['(body)']);
  const report = reporter(operation, options);
  const addresses = raw.map((entry, index) => {
    const address = parseDropping(addressDtoSchema, entry, (path, message) => report.field([index, ...path], message));
    if (!address) report.entry([index], 'An entry that is not an address was left out.');
    return address;
  });
  return keepIdentified(addresses, report.entry, []);
}
