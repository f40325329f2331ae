export { ResendActivationForm } from './resend-activation-form';
export type { ResendActivationFormProps } from './resend-activation-form';
export { useResendActivationForm } from './use-resend-activation-form';
export type { UseResendActivationFormOptions } from './use-resend-activation-form';
export * as ResendActivationFormParts from './parts';
export { resendActivationMessages } from './messages';
