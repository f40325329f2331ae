/** The parts a composed `<AddressForm>` is built from. */
export { Field, Label, Input, Checkbox, Description, FieldError, FormError, Submit } from '../form/parts';
