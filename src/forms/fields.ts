/**
 * Building blocks the form schemas share: how a model's text field is held by a form, what counts as an
 * email address, the code formats the API checks, and the rule for business customers. Written on
 * `zod/mini`, whose functions a bundler drops when a form does not use them.
 */
import * as z from 'zod/mini';

/**
 * Runs `build` once, at load. Marked pure where it is called (`/* @__PURE__ *\/ schema(() => …)`), so a
 * bundler drops a form schema no form of the app uses: a pure call is dropped only when its arguments have
 * no side effects, and a function has none.
 */
export function schema<T>(build: () => T): T {
  return build();
}

/** A model's string field, required or optional, as the generator writes it. */
export type ModelString = z.ZodMiniString<string> | z.ZodMiniOptional<z.ZodMiniString<string>>;

/** The string inside a model's (optional) string field. */
export function required(field: ModelString): z.ZodMiniString<string> {
  return field instanceof z.ZodMiniOptional ? field.def.innerType : field;
}

/** Whether a form value holds anything besides white space. */
export function filled(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/** Cross-field rules run even while other fields are invalid, so the shopper sees every problem at once. */
export const always = { when: () => true };

/**
 * Reports `confirm` with `message` when it is filled in and differs from `field` (a password typed twice
 * alike); an empty confirmation is left to the field's own rule.
 */
export function requireSame<T>(
  values: T,
  ctx: z.core.$RefinementCtx<T>,
  { field, confirm, message }: { field: keyof T & string; confirm: keyof T & string; message: string },
): void {
  if (values[confirm] && values[confirm] !== values[field]) {
    ctx.addIssue({ code: 'custom', path: [confirm], message });
  }
}

/** A text field of a model as a form holds it: the model's string, trimmed. */
export function trimmed(field: ModelString): z.ZodMiniString<string> {
  return required(field).check(z.trim());
}

/** The named text fields of a model's shape, each {@link trimmed}. */
export function trimmedFields<K extends string>(
  shape: Record<NoInfer<K>, ModelString>,
  names: readonly K[],
): Record<K, z.ZodMiniString<string>> {
  return Object.fromEntries(names.map((name) => [name, trimmed(shape[name])])) as Record<K, z.ZodMiniString<string>>;
}

/**
 * What can be an email address at all: a local part (up to 64 characters, or a quoted string), an `@`, and a
 * domain (up to 255 characters), with no white space outside the quotes. Letters of any script pass
 * (`jürgen@bücher.de`): whether an address exists, or is one the tenant takes, the server decides.
 */
const EMAIL_ADDRESS = /^(?:[^\s@"]{1,64}|"(?:[^"\\\r\n]|\\.){0,62}")@[^\s@]{1,255}$/u;

/**
 * A model's email field as a form holds it: trimmed, then refused only when it can never be an email address
 * (an issue of format `email`, shown as `field.email`; empty is `field.required`).
 */
export function emailField(field: ModelString) {
  return z.pipe(trimmed(field), z.email({ pattern: EMAIL_ADDRESS }));
}

/** An optional field with a format: empty, or a value that passes `schema`. */
export function blankOr<T extends z.ZodMiniType<string, string>>(schema: T) {
  return z.union([z.literal(''), schema]);
}

/**
 * A code field of the model (a currency, a country): empty means "not set"; otherwise trimmed and
 * upper-cased before anything is checked — so `' eur '` is `EUR` — then it must match `pattern` (the code as
 * ISO writes it) and pass the model's own rule (its length).
 */
export function codeField(field: ModelString, pattern: RegExp, message: string) {
  const model = required(field);
  const isCode = (code: string) => pattern.test(code) && model.safeParse(code).success;
  return blankOr(z.string().check(z.trim(), z.toUpperCase(), z.refine(isCode, { message })));
}

/** The model's three-letter currency field, as ISO 4217 writes it. */
export function currencyCode(field: ModelString, message: string) {
  return codeField(field, /^[A-Z]{3}$/, message);
}

/** The names a business customer (one with a company registration id) must give. */
const COMPANY_NAMES = ['firstName', 'lastName', 'company'] as const;

type CompanyValues = Partial<Record<(typeof COMPANY_NAMES)[number], string>>;

/** Reports each of first name, last name and company that is empty, with `message`. */
export function requireCompanyNames<T extends CompanyValues>(values: T, ctx: z.core.$RefinementCtx<T>, message: string): void {
  for (const name of COMPANY_NAMES) {
    if (!filled(values[name])) ctx.addIssue({ code: 'custom', path: [name], message });
  }
}

/** The customer's plain text fields that both the signup and the profile form edit. */
export const customerTextFields = [
  'title',
  'firstName',
  'middleName',
  'lastName',
  'contactPhone',
  'company',
  'preferredLanguage',
  'preferredSite',
] as const;
