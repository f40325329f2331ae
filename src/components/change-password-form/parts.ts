/** The parts a composed `<ChangePasswordForm>` is built from. */
export { Field, Label, Input, Description, FieldError, FormError, Submit } from '../form/parts';
export { FormSuccess } from '../form/form-success';
export { Username } from './username';
