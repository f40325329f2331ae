export { PasswordResetForm } from './password-reset-form';
export type { PasswordResetFormProps } from './password-reset-form';
export { usePasswordResetForm, INVALID_RESET_TOKEN } from './use-password-reset-form';
export type { UsePasswordResetFormOptions, PasswordResetFormFields, PasswordResetResult } from './use-password-reset-form';
export { PasswordResetFormError } from './password-reset-form-error';
export type { PasswordResetFormErrorProps } from './password-reset-form-error';
export * as PasswordResetFormParts from './parts';
export { passwordResetMessages } from './messages';
