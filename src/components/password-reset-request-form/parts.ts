/** The parts a composed `<PasswordResetRequestForm>` is built from. */
export { Field, Label, Input, Description, FieldError, FormError, Submit } from '../form/parts';
