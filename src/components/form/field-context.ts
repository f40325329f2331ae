import { createPartContext } from './create-part-context';

/** Parts of a field whose ids the control references in `aria-describedby` while they are mounted. */
export type DescribingPart = 'description' | 'error';

/** What never changes while typing: the field's name, its element ids, and which describing parts exist. */
export interface FieldContextValue {
  readonly name: string;
  /** Id of the control, referenced by `<Label htmlFor>`. */
  readonly id: string;
  readonly labelId: string;
  readonly descriptionId: string;
  readonly errorId: string;
  readonly hasDescription: boolean;
  readonly hasErrorMessage: boolean;
  /** Announces a mounted `<Description>` / `<FieldError>`; returns the unregister function. */
  readonly registerPart: (part: DescribingPart) => () => void;
}

/** The field's validation state, from a subscription to this field's name only. */
export interface FieldStateValue {
  readonly invalid: boolean;
  readonly dirty: boolean;
  readonly touched: boolean;
  readonly error: { readonly type: string; readonly message: string | undefined } | undefined;
}

export const [FieldContext, useFieldContext] = createPartContext<FieldContextValue>('Field');
export const [FieldStateContext, useFieldState] = createPartContext<FieldStateValue>('Field');
