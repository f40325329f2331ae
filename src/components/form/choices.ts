/**
 * Countries, languages and currencies as choices with names in the shopper's language, from the runtime's
 * own `Intl` data — no list is shipped. Each list is built on first use and kept per locale.
 *
 * - Countries: the ISO 3166-1 alpha-2 codes the runtime can name. `Intl` has no list of regions, so the
 *   two-letter code space (AA–ZZ, 676 codes) is asked for names, and codes that are not countries are left
 *   out: aliases of another code (`UK` → `GB`), ISO's user-assigned range (`AA`, `QM`–`QZ`, `XA`–`XZ`, `ZZ`),
 *   its exceptional reservations and CLDR's groupings (`EU`, `UN`, …).
 * - Languages: the two-letter ISO 639-1 codes the runtime can name and has locale data for, found the same
 *   way. The value is the code (`de`); give a list for values with a region, as the API's `en_US`.
 * - Currencies: `Intl.supportedValuesOf('currency')` (ISO 4217).
 */

/** One choice of a select: the value the API takes, and its name for the shopper. */
export interface Choice {
  /** The value sent to the API, e.g. `DE`. */
  readonly value: string;
  /** The name the shopper reads, e.g. `Germany`. */
  readonly label: string;
}

/** A choice given to a component: a code (named from `Intl`), or a value with a label of your own. */
export type ChoiceInput = string | Choice;

/** What a list of choices holds: countries (`region`, as `Intl` says), languages or currencies. */
export type ChoiceKind = 'region' | 'language' | 'currency';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** ISO 3166-1 codes left to users (AA, QM–QZ, XA–XZ, ZZ): no country has them. */
const USER_ASSIGNED = /^(AA|Q[M-Z]|X[A-Z]|ZZ)$/;
/** Codes ISO reserves for other uses (AC, CP, CQ, DG, EA, IC, TA) and CLDR's groupings (EU, EZ, UN). */
const NOT_COUNTRIES = new Set(['AC', 'CP', 'CQ', 'DG', 'EA', 'IC', 'TA', 'EU', 'EZ', 'UN']);

function displayNames(locale: string, type: ChoiceKind): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames(locale, { type, fallback: 'none', languageDisplay: 'standard' });
  } catch {
    return undefined;
  }
}

function twoLetterCodes(): string[] {
  return [...LETTERS].flatMap((first) => [...LETTERS].map((second) => first + second));
}

/** The canonical form of a region or language subtag (`UK` → `GB`, `iw` → `he`), or `undefined` if none. */
function canonical(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

let regionCodes: readonly string[] | undefined;
let languageCodes: readonly string[] | undefined;

function defaultRegionCodes(): readonly string[] {
  const names = displayNames('en', 'region');
  if (!names) return [];
  return (regionCodes ??= twoLetterCodes().filter(
    (code) =>
      !USER_ASSIGNED.test(code) &&
      !NOT_COUNTRIES.has(code) &&
      names.of(code) !== undefined &&
      canonical(`und-${code}`) === `und-${code}`,
  ));
}

function defaultLanguageCodes(): readonly string[] {
  const names = displayNames('en', 'language');
  if (!names) return [];
  languageCodes ??= (() => {
    const named = twoLetterCodes()
      .map((code) => code.toLowerCase())
      .filter((code) => {
        const name = names.of(code);
        return name !== undefined && name !== code && canonical(code) === code;
      });
    return Intl.DateTimeFormat.supportedLocalesOf(named, { localeMatcher: 'lookup' });
  })();
  return languageCodes;
}

function defaultCurrencyCodes(): readonly string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [];
}

/** The API writes a language with a region as `en_US`; `Intl` as `en-US`. */
const toLanguageTag = (value: string) => value.replace(/_/g, '-');

/** Names codes of `kind` in `locale`: a code the runtime cannot name keeps the code as its name. */
export function choiceLabeler(kind: ChoiceKind, locale: string): (code: string) => string {
  const names = displayNames(locale, kind);
  return (code) => {
    try {
      return names?.of(kind === 'language' ? toLanguageTag(code) : code) ?? code;
    } catch {
      return code;
    }
  };
}

const cache = new Map<string, readonly Choice[]>();

function named(kind: ChoiceKind, locale: string, codes: readonly string[]): Choice[] {
  const label = choiceLabeler(kind, locale);
  return codes.map((code) => ({ value: code, label: label(code) }));
}

function sorted(choices: Choice[], locale: string): Choice[] {
  let compare: (a: string, b: string) => number;
  try {
    compare = new Intl.Collator(locale).compare;
  } catch {
    compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  }
  return choices.sort((a, b) => compare(a.label, b.label));
}

function defaults(kind: ChoiceKind, locale: string): readonly Choice[] {
  const key = `${kind}:${locale}`;
  let choices = cache.get(key);
  if (choices === undefined) {
    const codes =
      kind === 'region' ? defaultRegionCodes() : kind === 'language' ? defaultLanguageCodes() : defaultCurrencyCodes();
    choices = sorted(named(kind, locale, codes), locale);
    cache.set(key, choices);
  }
  return choices;
}

/**
 * The choices for `kind` in `locale`: `given` in its order (codes named from `Intl`, `{ value, label }`
 * as they are), or — without a list — every code the runtime knows, sorted by name.
 */
export function choicesFor(kind: ChoiceKind, locale: string, given?: readonly ChoiceInput[]): readonly Choice[] {
  if (given === undefined) return defaults(kind, locale);
  const codes = given.filter((choice): choice is string => typeof choice === 'string');
  const labels = new Map(named(kind, locale, codes).map((choice) => [choice.value, choice.label]));
  return given.map((choice) =>
    typeof choice === 'string' ? { value: choice, label: labels.get(choice) ?? choice } : choice,
  );
}

