/** The label–control–error triple the default renderings are made of. */
import type { ReactNode } from 'react';
import { Checkbox } from './form/checkbox';
import { Description } from './form/description';
import { Field } from './form/field';
import { FieldError } from './form/field-error';
import { Input, type InputProps } from './form/input';
import { Label } from './form/label';

export interface TextFieldProps extends Omit<InputProps, 'asChild'> {
  name: string;
  label: ReactNode;
  description?: ReactNode;
}

export function TextField({ name, label, description, ...input }: TextFieldProps) {
  return (
    <Field name={name}>
      <Label>{label}</Label>
      <Input {...input} />
      {description && <Description>{description}</Description>}
      <FieldError />
    </Field>
  );
}

export function CheckboxField({ name, label, description }: Pick<TextFieldProps, 'name' | 'label' | 'description'>) {
  return (
    <Field name={name}>
      <Checkbox />
      <Label>{label}</Label>
      {description && <Description>{description}</Description>}
      <FieldError />
    </Field>
  );
}
