/** The parts a composed `<ChangeEmailForm>` is built from. */
export { Field, Label, Input, Checkbox, Description, FieldError, FormError, Submit } from '../form/parts';
export { FormSuccess } from '../form/form-success';
