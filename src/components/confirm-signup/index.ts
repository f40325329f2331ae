export { ConfirmSignup } from './confirm-signup';
export type { ConfirmSignupProps } from './confirm-signup';
export { useConfirmSignupFlow } from './use-confirm-signup-flow';
export type { ConfirmSignupFlow, ConfirmSignupStatus, UseConfirmSignupFlowOptions } from './use-confirm-signup-flow';
export type { ConfirmSignupMessageProps, ConfirmSignupFailedProps, ConfirmSignupRetryProps } from './confirm-signup-parts';
export * as ConfirmSignupParts from './parts';
export { confirmSignupMessages } from './messages';
