/** The label–control–error triples the default renderings are made of. */
import type { ReactNode } from 'react';
import { Checkbox } from './form/checkbox';
import { Description } from './form/description';
import { Field } from './form/field';
import { useFieldState } from './form/field-context';
import { FieldError } from './form/field-error';
import { Input, type InputProps } from './form/input';
import { Label } from './form/label';
import { Select, type SelectProps } from './form/select';

export interface TextFieldProps extends Omit<InputProps, 'asChild'> {
  name: string;
  label: ReactNode;
  description?: ReactNode;
}

/** A field's hint, until the field has an error: then the error says what to do, and the hint would repeat it. */
function Hint({ children }: { children: ReactNode }) {
  const { invalid } = useFieldState('Hint');
  return invalid ? null : <Description>{children}</Description>;
}

export function TextField({ name, label, description, ...input }: TextFieldProps) {
  return (
    <Field name={name}>
      <Label>{label}</Label>
      <Input {...input} />
      {description && <Hint>{description}</Hint>}
      <FieldError />
    </Field>
  );
}

export interface SelectFieldProps extends Omit<SelectProps, 'asChild'> {
  name: string;
  label: ReactNode;
  description?: ReactNode;
}

/** A native `<select>` field; its `<option>`s are the children. */
export function SelectField({ name, label, description, children, ...select }: SelectFieldProps) {
  return (
    <Field name={name}>
      <Label>{label}</Label>
      <Select {...select}>{children}</Select>
      {description && <Hint>{description}</Hint>}
      <FieldError />
    </Field>
  );
}

export function CheckboxField({ name, label, description }: Pick<TextFieldProps, 'name' | 'label' | 'description'>) {
  return (
    <Field name={name}>
      <Checkbox />
      <Label>{label}</Label>
      {description && <Hint>{description}</Hint>}
      <FieldError />
    </Field>
  );
}
