/** The parts a composed `<SignupForm>` is built from. */
export { Field, Label, Input, Select, Checkbox, Description, FieldError, FormError, Submit } from '../form/parts';
export { SignupFormError, AccountExistsActions } from './signup-actions';
export { SignupOutcome } from './signup-outcome';
export { CountryOptions, LanguageOptions, CurrencyOptions, ChoiceOptions } from '../form/choice-options';
