export { ConfirmEmailChange } from './confirm-email-change';
export type { ConfirmEmailChangeProps } from './confirm-email-change';
export { useConfirmEmailChangeFlow } from './use-confirm-email-change-flow';
export type {
  ConfirmEmailChangeFlow,
  ConfirmEmailChangeStatus,
  UseConfirmEmailChangeFlowOptions,
} from './use-confirm-email-change-flow';
export type {
  ConfirmEmailChangeMessageProps,
  ConfirmEmailChangeFailedProps,
  ConfirmEmailChangeRetryProps,
} from './confirm-email-change-parts';
export * as ConfirmEmailChangeParts from './parts';
export { confirmEmailChangeMessages } from './messages';
