export { Form, Field, Label, Input, Select, Textarea, Checkbox, Description, FieldError, FormError, Submit } from './parts';
export { FormSuccess } from './form-success';
export { MessagesProvider, MessageDefaults, useMessages, defaultMessages, messageKey } from './messages';
export { formIssueMessages } from './form-issue-messages';
export {
  CountryOptions,
  LanguageOptions,
  CurrencyOptions,
  ChoiceOptions,
  useCountryChoices,
  useLanguageChoices,
  useCurrencyChoices,
} from './choice-options';
export { applyServerError } from './apply-server-error';

export type { FormProps } from './form';
export type { FieldProps } from './field';
export type { LabelProps } from './label';
export type { InputProps } from './input';
export type { SelectProps } from './select';
export type { TextareaProps } from './textarea';
export type { CheckboxProps } from './checkbox';
export type { DescriptionProps } from './description';
export type { FieldErrorProps, FieldErrorRenderProps } from './field-error';
export type { FormErrorDetail, FormErrorProps, FormErrorRenderProps } from './form-error';
export type { NamedChoiceOptionsProps, ChoiceOptionsProps } from './choice-options';
export type { Choice, ChoiceInput } from './choices';
export type { SubmitProps, SubmitRenderProps } from './submit';
export type { FormSuccessProps } from './form-success';
export type {
  MessageKey,
  MessageOverrides,
  MessageParams,
  MessagesProviderProps,
  MessageDefaultsProps,
  Translate,
} from './messages';
export type {
  ApplyServerErrorOptions,
  ServerErrorDetail,
  ServerErrorDetailsByField,
  ServerErrorLike,
  ServerErrorTarget,
} from './apply-server-error';
