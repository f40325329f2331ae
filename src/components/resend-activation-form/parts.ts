/** The parts a composed `<ResendActivationForm>` is built from. */
export { Field, Label, Input, Description, FieldError, FormError, Submit } from '../form/parts';
