/** The parts a composed `<AddressForm>` is built from. */
export { Field, Label, Input, Select, Checkbox, Description, FieldError, FormError, Submit } from '../form/parts';
export { CountryOptions, ChoiceOptions } from '../form/choice-options';
