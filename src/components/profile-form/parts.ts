/** The parts a composed `<ProfileForm>` is built from. */
export { Field, Label, Input, Select, Description, FieldError, FormError, Submit } from '../form/parts';
export { FormSuccess } from '../form/form-success';
export { LanguageOptions, CurrencyOptions, ChoiceOptions } from '../form/choice-options';
