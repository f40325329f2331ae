import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useCustomer } from '../../hooks/use-customer';
import { loginEmailOf } from '../change-email-form/use-change-email-form';

/** Props of {@link Username}. */
export interface UsernameProps extends Omit<ComponentPropsWithoutRef<'input'>, 'type' | 'value' | 'defaultValue'> {
  /** The login email to give; default: the logged-in customer's, from the profile. */
  email?: string | undefined;
}

/**
 * For password managers: the account whose password is being changed, as an `<input type="email"
 * autocomplete="username">` that is read-only and `hidden` (pass `hidden={false}` to show it). Without it a
 * password manager cannot tell which saved password to update. Renders nothing until the email is known.
 * Not a field of the form: nothing of it is sent.
 */
export const Username = forwardRef<HTMLInputElement, UsernameProps>(function Username({ email, ...props }, ref) {
  const { data: customer } = useCustomer();
  const value = email ?? loginEmailOf(customer);
  if (!value) return null;
  return <input ref={ref} type="email" autoComplete="username" readOnly hidden {...props} value={value} />;
});
