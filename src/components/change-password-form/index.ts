export { ChangePasswordForm } from './change-password-form';
export type { ChangePasswordFormProps } from './change-password-form';
export { useChangePasswordForm } from './use-change-password-form';
export type { UseChangePasswordFormOptions } from './use-change-password-form';
export type { UsernameProps } from './username';
export * as ChangePasswordFormParts from './parts';
export { changePasswordMessages } from './messages';
