/** The parts a composed `<PasswordResetForm>` is built from. */
export { Field, Label, Input, Description, FieldError, FormError, Submit } from '../form/parts';
export { PasswordResetFormError } from './password-reset-form-error';
