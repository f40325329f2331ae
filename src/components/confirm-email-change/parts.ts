/** The parts a composed `<ConfirmEmailChange>` is built from; each renders in its state only. */
export {
  ConfirmEmailChangeConfirming as Confirming,
  ConfirmEmailChangeConfirmed as Confirmed,
  ConfirmEmailChangeInvalidLink as InvalidLink,
  ConfirmEmailChangeFailed as Failed,
  ConfirmEmailChangeRetry as Retry,
} from './confirm-email-change-parts';
