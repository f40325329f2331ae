/**
 * The `<option>`s of a country, language or currency `<Select>`, named in the messages' locale, and the same
 * choices as data for a select of your own (a listbox or combobox component).
 */
import { useContext, useMemo, useRef, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { useFormContext, useWatch, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { choiceLabeler, choicesFor, type Choice, type ChoiceInput, type ChoiceKind } from './choices';
import { FieldContext } from './field-context';
import { useMessages } from './messages';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';

/** Props of {@link CountryOptions}, {@link LanguageOptions} and {@link CurrencyOptions}. */
export interface NamedChoiceOptionsProps {
  /**
   * The choices, in this order: codes, named from `Intl` in the locale of the message `choices.locale`, or
   * `{ value, label }` as they are. Without it: every one the runtime knows, sorted by name.
   */
  choices?: readonly ChoiceInput[] | undefined;
  /** Text of an empty first option (e.g. "Select a country"). Without it, an empty option shows only while the field is empty. */
  placeholder?: string | undefined;
}

const subscribeToNothing = () => () => {};

/**
 * Whether this render may use the runtime's `Intl` data: not on the server, nor while hydrating what it
 * rendered. Server and browser hold different `Intl` data (Node has more languages and currencies than
 * Chromium, names differ between versions), so the server's options would not match the browser's.
 */
function useIntlInThisRender(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}

const asChoice = (choice: ChoiceInput): Choice => (typeof choice === 'string' ? { value: choice, label: choice } : choice);
const none: readonly Choice[] = [];

/** The choices; none from `Intl` on the server or while hydrating (see {@link useIntlInThisRender}). */
function useChoices(kind: ChoiceKind | undefined, given: readonly ChoiceInput[] | undefined): readonly Choice[] {
  const locale = useMessages()('choices.locale');
  const intl = useIntlInThisRender();
  return useMemo(() => {
    if (kind === undefined) return (given ?? []).map(asChoice);
    return intl ? choicesFor(kind, locale, given) : none;
  }, [kind, locale, given, intl]);
}

/**
 * The countries to offer, as `{ value, label }` (ISO 3166-1 alpha-2 codes, named in the locale of the message
 * `choices.locale`), for a select component of your own. Without `choices`, every country the runtime can name.
 * Empty on the server and while hydrating — server and browser hold different `Intl` data — then filled.
 */
export function useCountryChoices(choices?: readonly ChoiceInput[]): readonly Choice[] {
  return useChoices('region', choices);
}

/** The languages to offer, as `{ value, label }` (values as the API takes them: `de`, or `en_US` when listed so). */
export function useLanguageChoices(choices?: readonly ChoiceInput[]): readonly Choice[] {
  return useChoices('language', choices);
}

/** The currencies to offer, as `{ value, label }` (ISO 4217 codes). */
export function useCurrencyChoices(choices?: readonly ChoiceInput[]): readonly Choice[] {
  return useChoices('currency', choices);
}

interface OptionsProps extends NamedChoiceOptionsProps {
  /** Where names come from; without, a code is its own name. */
  kind: ChoiceKind | undefined;
}

function OptionList({ kind, choices, placeholder, current }: OptionsProps & { current: string | undefined }): ReactNode {
  const t = useMessages();
  const intl = useIntlInThisRender();
  const list = useChoices(kind, choices);
  const locale = t('choices.locale');
  const empty = placeholder !== undefined || current === '';
  // The select is the form's, uncontrolled: when its options are replaced (the named list after hydrating, a
  // new list), the browser would select the first one. The current value's option is selected again.
  const selected = useRef<HTMLOptionElement>(null);
  useIsomorphicLayoutEffect(() => {
    if (selected.current && !selected.current.selected) selected.current.selected = true;
  });
  if (kind !== undefined && !intl) {
    // On the server and while hydrating: the current value only, by its code; the named list follows at once.
    return (
      <>
        {empty && <option value="">{placeholder ?? t('choices.none')}</option>}
        {current && (
          <option ref={selected} value={current}>
            {current}
          </option>
        )}
      </>
    );
  }
  // A value the list does not have (set elsewhere, or by an older list) stays what it is, with its own option.
  const missing = current ? !list.some((choice) => choice.value === current) : false;
  return (
    <>
      {empty && (
        <option ref={current === '' ? selected : undefined} value="">
          {placeholder ?? t('choices.none')}
        </option>
      )}
      {missing && current && (
        <option ref={selected} value={current}>
          {kind === undefined ? current : choiceLabeler(kind, locale)(current)}
        </option>
      )}
      {list.map((choice) => (
        <option key={choice.value} ref={choice.value === current ? selected : undefined} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </>
  );
}

function FieldOptionList({ name, form, ...props }: OptionsProps & { name: string; form: UseFormReturn<FieldValues> }) {
  const value: unknown = useWatch({ control: form.control, name });
  return <OptionList {...props} current={typeof value === 'string' ? value : undefined} />;
}

function Options(props: OptionsProps): ReactNode {
  const field = useContext(FieldContext);
  const form = useFormContext() as UseFormReturn<FieldValues> | null;
  if (field && form) return <FieldOptionList {...props} name={field.name} form={form} />;
  return <OptionList {...props} current={undefined} />;
}

/**
 * The `<option>`s of a country `<Select>`: ISO 3166-1 alpha-2 codes, named and sorted in the locale of the
 * message `choices.locale`. Inside a `<Field>`, a value that is not among them keeps an option of its own.
 *
 * @example
 * ```tsx
 * <Field name="country">
 *   <Label>Country</Label>
 *   <Select autoComplete="country"><CountryOptions choices={['DE', 'AT', 'CH']} placeholder="Select a country" /></Select>
 * </Field>
 * ```
 */
export function CountryOptions(props: NamedChoiceOptionsProps): ReactNode {
  return <Options kind="region" {...props} />;
}

/** The `<option>`s of a language `<Select>`, like {@link CountryOptions}; values as the API takes them (`de`, `en_US`). */
export function LanguageOptions(props: NamedChoiceOptionsProps): ReactNode {
  return <Options kind="language" {...props} />;
}

/** The `<option>`s of a currency `<Select>` (ISO 4217 codes), like {@link CountryOptions}. */
export function CurrencyOptions(props: NamedChoiceOptionsProps): ReactNode {
  return <Options kind="currency" {...props} />;
}

/** Props of {@link ChoiceOptions}. */
export interface ChoiceOptionsProps extends Omit<NamedChoiceOptionsProps, 'choices'> {
  /** The choices, in this order: values that name themselves, or `{ value, label }`. */
  choices: readonly ChoiceInput[];
}

/** The `<option>`s of any `<Select>` from a list of your own (e.g. the shop's sites), like {@link CountryOptions}. */
export function ChoiceOptions(props: ChoiceOptionsProps): ReactNode {
  return <Options kind={undefined} {...props} />;
}
