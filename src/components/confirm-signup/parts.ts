/** The parts a composed `<ConfirmSignup>` is built from; each renders in its state only. */
export {
  ConfirmSignupConfirming as Confirming,
  ConfirmSignupConfirmed as Confirmed,
  ConfirmSignupInvalidLink as InvalidLink,
  ConfirmSignupResendActivation as ResendActivation,
  ConfirmSignupFailed as Failed,
  ConfirmSignupRetry as Retry,
} from './confirm-signup-parts';
