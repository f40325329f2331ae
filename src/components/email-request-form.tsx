/**
 * The shell of the forms that only ask for an email address and have a mail sent to it (a password reset
 * link, a new activation link): the form with one `email` field, and once the request was accepted a
 * focused `role="status"` message in its place. The messages live under one prefix: `<prefix>.email`,
 * `.submit`, `.submitting` and `.sent` (with `{email}`).
 */
import { forwardRef, type ForwardedRef, type ReactNode, type RefAttributes } from 'react';
import type { FieldValues } from 'react-hook-form';
import { AccountForm, type AccountFormProps } from './account-form';
import { AccountMessages, OutcomeMessage } from './account-outcome';
import { FormError } from './form/form-error';
import { useMessages } from './form/messages';
import { Submit } from './form/submit';
import { TextField } from './text-field';

export interface EmailRequestFormProps<TInput extends FieldValues, TOutput> extends AccountFormProps<TInput, TOutput> {
  /** Where the mail went once the request was accepted; the form shows until then. */
  sentTo: string | undefined;
  /** The prefix of the form's message keys. */
  prefix: string;
  /** Replaces the message shown once the request was accepted. */
  renderSuccess?: ((result: { email: string }) => ReactNode) | undefined;
}

export const EmailRequestForm = forwardRef(function EmailRequestForm<TInput extends FieldValues, TOutput>(
  { sentTo, prefix, renderSuccess, defaults, messages, children, ...props }: EmailRequestFormProps<TInput, TOutput>,
  ref: ForwardedRef<HTMLFormElement>,
) {
  if (sentTo !== undefined) {
    return (
      <AccountMessages defaults={defaults} messages={messages}>
        {renderSuccess ? renderSuccess({ email: sentTo }) : <Sent prefix={prefix} email={sentTo} />}
      </AccountMessages>
    );
  }
  return (
    <AccountForm ref={ref} defaults={defaults} messages={messages} {...props}>
      {children ?? <EmailRequestFields prefix={prefix} />}
    </AccountForm>
  );
}) as <TInput extends FieldValues, TOutput>(
  props: EmailRequestFormProps<TInput, TOutput> & RefAttributes<HTMLFormElement>,
) => ReactNode;

/** The default rendering: the email field, the form-level error and the submit button. */
function EmailRequestFields({ prefix }: { prefix: string }) {
  const t = useMessages();
  return (
    <>
      <FormError />
      <TextField name="email" label={t(`${prefix}.email`)} type="email" autoComplete="email" />
      <Submit>{({ pending }) => t(pending ? `${prefix}.submitting` : `${prefix}.submit`)}</Submit>
    </>
  );
}

function Sent({ prefix, email }: { prefix: string; email: string }) {
  const t = useMessages();
  return <OutcomeMessage>{t(`${prefix}.sent`, { email })}</OutcomeMessage>;
}
