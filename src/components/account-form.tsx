/**
 * The shell every account form shares: its own default messages under the app's, the caller's `messages`
 * on top, and the `<Form>` root. Each form then only decides its hook and its default fields.
 */
import { forwardRef, type ForwardedRef, type ReactNode, type RefAttributes } from 'react';
import type { FieldValues } from 'react-hook-form';
import { Form, type FormProps } from './form/form';
import { AccountMessages } from './account-outcome';
import type { MessageOverrides } from './form/messages';

export interface AccountFormProps<TInput extends FieldValues, TOutput>
  extends FormProps<TInput, unknown, TOutput> {
  /** The form's own English messages. */
  defaults: Readonly<Record<string, string>>;
  /** The caller's replacements for any message. */
  messages?: MessageOverrides | undefined;
}

/** Props every account form component accepts besides its own options. */
export interface AccountFormComponentProps<TInput extends FieldValues, TOutput>
  extends Omit<FormProps<TInput, unknown, TOutput>, 'form' | 'onSubmit' | 'children' | 'defaultValue'> {
  /** Parts of your own; a complete default form without. */
  children?: ReactNode;
  /** Replacements for any message of this form, e.g. translations. */
  messages?: MessageOverrides;
}

export const AccountForm = forwardRef(function AccountForm<TInput extends FieldValues, TOutput>(
  { defaults, messages, ...props }: AccountFormProps<TInput, TOutput>,
  ref: ForwardedRef<HTMLFormElement>,
) {
  return (
    <AccountMessages defaults={defaults} messages={messages}>
      <Form ref={ref} {...props} />
    </AccountMessages>
  );
}) as <TInput extends FieldValues, TOutput>(
  props: AccountFormProps<TInput, TOutput> & RefAttributes<HTMLFormElement>,
) => ReactNode;
