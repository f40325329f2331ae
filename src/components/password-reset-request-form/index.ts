export { PasswordResetRequestForm } from './password-reset-request-form';
export type { PasswordResetRequestFormProps } from './password-reset-request-form';
export { usePasswordResetRequestForm } from './use-password-reset-request-form';
export type { UsePasswordResetRequestFormOptions } from './use-password-reset-request-form';
export * as PasswordResetRequestFormParts from './parts';
export { passwordResetRequestMessages } from './messages';
