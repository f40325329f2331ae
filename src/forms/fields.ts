/**
 * Building blocks the form schemas share: how a model's text field is held by a form, the code formats the
 * API checks, and the rule for business customers.
 */
import * as z from 'zod';

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
  ctx: z.RefinementCtx,
  { field, confirm, message }: { field: keyof T & string; confirm: keyof T & string; message: string },
): void {
  if (values[confirm] && values[confirm] !== values[field]) {
    ctx.addIssue({ code: 'custom', path: [confirm], message });
  }
}

/** A text field of a model as a form holds it: the model's string, trimmed. */
export function trimmed(field: z.ZodOptional<z.ZodString> | z.ZodString): z.ZodString {
  return (field instanceof z.ZodOptional ? field.unwrap() : field).trim();
}

/** The named text fields of a model's shape, each {@link trimmed}. */
export function trimmedFields<K extends string>(
  shape: Record<NoInfer<K>, z.ZodOptional<z.ZodString> | z.ZodString>,
  names: readonly K[],
): Record<K, z.ZodString> {
  return Object.fromEntries(names.map((name) => [name, trimmed(shape[name])])) as Record<K, z.ZodString>;
}

/** An optional field with a format: empty, or a value that passes `schema`. */
export function blankOr<T extends z.ZodType<string, string>>(schema: T) {
  return z.union([z.literal(''), schema]);
}

/**
 * A code field of the model (a currency, a country): empty means "not set"; otherwise trimmed and
 * upper-cased before anything is checked — so `' eur '` is `EUR` — then it must match `pattern` (the code as
 * ISO writes it) and pass the model's own rule (its length).
 */
export function codeField(field: z.ZodOptional<z.ZodString>, pattern: RegExp, message: string) {
  const model = field.unwrap();
  const isCode = (code: string) => pattern.test(code) && model.safeParse(code).success;
  return blankOr(z.string().trim().toUpperCase().refine(isCode, { message }));
}

/** The model's three-letter currency field, as ISO 4217 writes it. */
export function currencyCode(field: z.ZodOptional<z.ZodString>, message: string) {
  return codeField(field, /^[A-Z]{3}$/, message);
}

/** The names a business customer (one with a company registration id) must give. */
const COMPANY_NAMES = ['firstName', 'lastName', 'company'] as const;

type CompanyValues = Partial<Record<(typeof COMPANY_NAMES)[number], string>>;

/** Reports each of first name, last name and company that is empty, with `message`. */
export function requireCompanyNames(values: CompanyValues, ctx: z.RefinementCtx, message: string): void {
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
