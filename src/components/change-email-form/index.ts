export { ChangeEmailForm } from './change-email-form';
export type { ChangeEmailFormProps } from './change-email-form';
export { useChangeEmailForm } from './use-change-email-form';
export type { UseChangeEmailFormOptions } from './use-change-email-form';
export * as ChangeEmailFormParts from './parts';
export { changeEmailMessages } from './messages';
