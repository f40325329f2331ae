import type { AriaAttributes, ChangeEvent, ChangeEventHandler, FocusEvent, FocusEventHandler, Ref } from 'react';
import { composeEventHandlers } from './compose-event-handlers';
import { composeRefs } from './compose-refs';
import { useFieldContext, useFieldState } from './field-context';
import { useFormMethods } from './form-context';

/** The props of a native control that the field wiring reads or extends. */
export interface FieldControlOwnProps<E extends HTMLElement> {
  onChange?: ChangeEventHandler<E> | undefined;
  onBlur?: FocusEventHandler<E> | undefined;
  disabled?: boolean | undefined;
  'aria-describedby'?: string | undefined;
  'aria-invalid'?: AriaAttributes['aria-invalid'];
}

/** Props added to the control: react-hook-form registration, the field's id and its ARIA wiring. */
export interface FieldControlWiring<E extends HTMLElement> {
  id: string;
  name: string;
  ref: Ref<E>;
  disabled: boolean | undefined;
  onChange: ChangeEventHandler<E>;
  onBlur: FocusEventHandler<E>;
  'aria-invalid': AriaAttributes['aria-invalid'];
  'aria-describedby': string | undefined;
  'data-invalid': '' | undefined;
  'data-disabled': '' | undefined;
}

function joinIds(...ids: ReadonlyArray<string | false | undefined>): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

/**
 * Registers a native control (input, select, textarea) with react-hook-form under the enclosing field's name —
 * uncontrolled, so typing re-renders nothing — and wires `id`, `aria-invalid` and `aria-describedby`.
 * A server error on the field is cleared as soon as the user changes the value, whatever the validation mode.
 */
export function useFieldControl<E extends HTMLElement, P extends FieldControlOwnProps<E>>(
  partName: string,
  props: P,
  forwardedRef: Ref<E>,
): Omit<P, keyof FieldControlWiring<E>> & FieldControlWiring<E> {
  const form = useFormMethods(partName);
  const field = useFieldContext(partName);
  const { invalid } = useFieldState(partName);
  const { onChange, onBlur, disabled, ...rest } = props;
  const { name } = field;
  const registration = form.register(name, disabled === undefined ? undefined : { disabled });

  const handleChange = (event: ChangeEvent<E>): void => {
    if (form.getFieldState(name).error?.type === 'server') form.clearErrors(name);
    void registration.onChange(event);
  };
  const handleBlur = (event: FocusEvent<E>): void => {
    void registration.onBlur(event);
  };

  const wiring: FieldControlWiring<E> = {
    id: field.id,
    name: registration.name,
    ref: composeRefs(forwardedRef, registration.ref),
    disabled,
    onChange: composeEventHandlers(onChange, handleChange),
    onBlur: composeEventHandlers(onBlur, handleBlur),
    'aria-invalid': invalid ? true : rest['aria-invalid'],
    'aria-describedby': joinIds(
      rest['aria-describedby'],
      field.hasDescription && field.descriptionId,
      invalid && field.hasErrorMessage && field.errorId,
    ),
    'data-invalid': invalid ? '' : undefined,
    'data-disabled': disabled ? '' : undefined,
  };
  return { ...(rest as Omit<P, keyof FieldControlWiring<E>>), ...wiring };
}
