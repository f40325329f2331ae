import { forwardRef, useMemo } from 'react';
import type { ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import type { SignupFormInput, SignupFormValues } from '../../forms/signup-form-schema';
import { AccountForm, type AccountFormComponentProps } from '../account-form';
import { AccountMessages } from '../account-outcome';
import { useMessages } from '../form/messages';
import { Submit } from '../form/submit';
import { CheckboxField, TextField } from '../text-field';
import { signupMessages } from './messages';
import { SignupActionsContext, SignupFormError, type SignupActions } from './signup-actions';
import { SignupOutcome } from './signup-outcome';
import { useSignupForm, type SignupResult, type UseSignupFormOptions } from './use-signup-form';

/**
 * Props of `SignupForm`: the options of `useSignupForm`, where to send a shopper who already has an account, the
 * form's own props, and the rest for its `<form>`.
 */
export interface SignupFormProps
  extends UseSignupFormOptions,
    SignupActions,
    AccountFormComponentProps<SignupFormInput, SignupFormValues> {
  /** Replaces what is shown once the account exists (default: {@link SignupOutcome}). */
  renderSuccess?: (result: SignupResult) => ReactNode;
}

/**
 * Creates a customer account. Without children it renders a complete, unstyled, accessible form — email,
 * password twice, first and last name, and an optional company section (company and registration ID);
 * with children you compose it from the parts, named like the fields of `signupFormSchema` (`email`,
 * `password`, `confirmPassword`, `firstName`, `company`, `b2b.companyRegistrationId`, `customerAddress.city`, …).
 *
 * Once the account exists the form gives way to {@link SignupOutcome} (or `renderSuccess`): logged in, or —
 * with double opt-in — "check your inbox" with a resend button. If the account already exists, the form
 * error offers `onLoginInstead` / `onResetPassword` (buttons only for the callbacks given).
 *
 * @selector [data-pending] - the signup request is in flight
 *
 * @example
 * ```tsx
 * <SignupForm
 *   onSuccess={({ status }) => status === 'loggedIn' && navigate('/account')}
 *   onLoginInstead={(email) => navigate(`/login?email=${encodeURIComponent(email)}`)}
 *   onResetPassword={() => navigate('/password-reset')}
 * />
 *
 * <SignupForm>
 *   <SignupFormError />
 *   <Field name="email"><Label>Email</Label><Input type="email" autoComplete="email" /><FieldError /></Field>
 *   <Field name="password"><Label>Password</Label><Input type="password" autoComplete="new-password" /><FieldError /></Field>
 *   <Field name="confirmPassword"><Label>Repeat password</Label><Input type="password" autoComplete="new-password" /><FieldError /></Field>
 *   <Submit>Sign up</Submit>
 * </SignupForm>
 * ```
 */
export const SignupForm = forwardRef<HTMLFormElement, SignupFormProps>(function SignupForm(
  { defaultValues, doubleOptIn, onSuccess, onLoginInstead, onResetPassword, renderSuccess, messages, children, ...props },
  ref,
) {
  const { form, onSubmit, result } = useSignupForm({ defaultValues, doubleOptIn, onSuccess });
  const actions = useMemo(() => ({ onLoginInstead, onResetPassword }), [onLoginInstead, onResetPassword]);

  if (result) {
    return (
      <SignupActionsContext.Provider value={actions}>
        <AccountMessages defaults={signupMessages} messages={messages}>
          {renderSuccess ? (
            renderSuccess(result)
          ) : (
            <SignupOutcome result={result} className={props.className} style={props.style} />
          )}
        </AccountMessages>
      </SignupActionsContext.Provider>
    );
  }
  return (
    <SignupActionsContext.Provider value={actions}>
      <AccountForm ref={ref} form={form} onSubmit={onSubmit} defaults={signupMessages} messages={messages} {...props}>
        {children ?? <SignupFormFields />}
      </AccountForm>
    </SignupActionsContext.Provider>
  );
});

/** The default rendering: the form error, the account fields, the company section and the submit button. */
function SignupFormFields() {
  const t = useMessages();
  return (
    <>
      <SignupFormError />
      <TextField name="email" label={t('signup.email')} type="email" autoComplete="email" />
      <TextField
        name="password"
        label={t('signup.password')}
        description={t('signup.passwordHint')}
        type="password"
        autoComplete="new-password"
      />
      <TextField name="confirmPassword" label={t('signup.confirmPassword')} type="password" autoComplete="new-password" />
      <TextField name="firstName" label={t('signup.firstName')} autoComplete="given-name" />
      <TextField name="lastName" label={t('signup.lastName')} autoComplete="family-name" />
      <CompanySection />
      <Submit>{({ pending }) => t(pending ? 'signup.submitting' : 'signup.submit')}</Submit>
    </>
  );
}

/** "I am signing up for a company", and the company fields once it is checked (only this part re-renders). */
function CompanySection() {
  const t = useMessages();
  const forCompany = useWatch<SignupFormInput, 'forCompany'>({ name: 'forCompany' });
  return (
    <>
      <CheckboxField name="forCompany" label={t('signup.forCompany')} />
      {forCompany && (
        <fieldset>
          <legend>{t('signup.companySection')}</legend>
          <TextField name="company" label={t('signup.company')} autoComplete="organization" />
          <TextField
            name="b2b.companyRegistrationId"
            label={t('signup.companyRegistrationId')}
            description={t('signup.companyRegistrationIdHint')}
          />
        </fieldset>
      )}
    </>
  );
}
