/** The parts a composed `<LoginForm>` is built from. */
export { Field, Label, Input, Description, FieldError, FormError, Submit } from '../form/parts';
