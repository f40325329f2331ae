/**
 * Where a signup sends a shopper who already has an account: the callbacks `<SignupForm>` received, read by
 * the parts that offer them (`<AccountExistsActions>`, `<SignupOutcome>`).
 */
import { createContext, forwardRef, useContext } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useFormContext, type UseFormReturn } from 'react-hook-form';
import { FormError, type FormErrorProps } from '../form/form-error';
import { useMessages } from '../form/messages';

/**
 * Where `<SignupForm>` sends a shopper who already has an account; both are optional, and their buttons show only
 * when given.
 */
export interface SignupActions {
  /** Offered when the account exists (and after an account was created but not logged in); gets the typed email. */
  onLoginInstead?: ((email: string) => void) | undefined;
  /** Offered when the account exists; gets the typed email. */
  onResetPassword?: ((email: string) => void) | undefined;
}

export const SignupActionsContext = createContext<SignupActions>({});
SignupActionsContext.displayName = 'SignupActionsContext';

/** Props of {@link AccountExistsActions}. */
export type AccountExistsActionsProps = ComponentPropsWithoutRef<'div'>;

/**
 * "Log in instead" and "Reset password" buttons, for the callbacks `<SignupForm>` was given (nothing without
 * any). Each callback receives the email typed into the form.
 */
export const AccountExistsActions = forwardRef<HTMLDivElement, AccountExistsActionsProps>(function AccountExistsActions(
  props,
  ref,
) {
  const { onLoginInstead, onResetPassword } = useContext(SignupActionsContext);
  // Null outside a form (e.g. in `renderSuccess`); the email is then unknown.
  const form = useFormContext<{ email?: string }>() as UseFormReturn<{ email?: string }> | null;
  const t = useMessages();
  if (!onLoginInstead && !onResetPassword) return null;
  const email = () => form?.getValues('email') ?? '';
  return (
    <div ref={ref} {...props}>
      {onLoginInstead && (
        <button type="button" onClick={() => onLoginInstead(email())}>
          {t('signup.logInInstead')}
        </button>
      )}
      {onResetPassword && (
        <button type="button" onClick={() => onResetPassword(email())}>
          {t('signup.resetPassword')}
        </button>
      )}
    </div>
  );
});

/** Props of {@link SignupFormError}. */
export type SignupFormErrorProps = Omit<FormErrorProps, 'children'>;

/**
 * The signup's form-level error (`role="alert"`): `<FormError>`, plus {@link AccountExistsActions} when the
 * account already exists (a 409).
 */
export const SignupFormError = forwardRef<HTMLDivElement, SignupFormErrorProps>(function SignupFormError(props, ref) {
  return (
    <FormError ref={ref} {...props}>
      {({ message, type }) => (
        <>
          <p>{message}</p>
          {type === '409' && <AccountExistsActions />}
        </>
      )}
    </FormError>
  );
});
