import {
  createMailedTokenParts,
  type MailedTokenFailedProps,
  type MailedTokenMessageProps,
  type MailedTokenRetryProps,
} from '../mailed-token';
import { createPartContext } from '../form/create-part-context';
import type { ConfirmEmailChangeFlow } from './use-confirm-email-change-flow';

export const [ConfirmEmailChangeContext, useConfirmEmailChangeContext] =
  createPartContext<ConfirmEmailChangeFlow>('ConfirmEmailChange');

/** Props of the message parts: shown in one state only, with the default text unless children replace it. */
export type ConfirmEmailChangeMessageProps = MailedTokenMessageProps;
/** Props of {@link ConfirmEmailChangeFailed}. */
export type ConfirmEmailChangeFailedProps = MailedTokenFailedProps;
/** Props of {@link ConfirmEmailChangeRetry}. */
export type ConfirmEmailChangeRetryProps = MailedTokenRetryProps;

const parts = createMailedTokenParts(useConfirmEmailChangeContext, 'confirmEmailChange.retry');

/** "Confirming your new email address…" (`role="status"`) while the request is in flight. */
export const ConfirmEmailChangeConfirming = parts.message(
  'Confirming',
  'confirming',
  'status',
  'confirmEmailChange.confirming',
);
/** "Your login email has been changed" (`role="status"`) once it is. */
export const ConfirmEmailChangeConfirmed = parts.message(
  'Confirmed',
  'confirmed',
  'status',
  'confirmEmailChange.confirmed',
);
/** "This confirmation link did not work: it may have expired or been used already" (`role="alert"`). */
export const ConfirmEmailChangeInvalidLink = parts.message(
  'InvalidLink',
  'invalidToken',
  'alert',
  'confirmEmailChange.invalidToken',
);
/** Why the request did not get through (`role="alert"`), e.g. the network is down; children may replace it. */
export const ConfirmEmailChangeFailed = parts.Failed;
/** "Try again" after a failed request; sends the confirmation again. */
export const ConfirmEmailChangeRetry = parts.Retry;
