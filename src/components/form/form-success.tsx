/**
 * The success counterpart of `<FormError>`, shared by the account forms that stay on screen after they
 * saved (profile, password, login email).
 */
import { Slot } from './slot';
import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { useFormState } from 'react-hook-form';
import { useFormMethods } from './form-context';

/** Props of {@link FormSuccess}. */
export interface FormSuccessProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** What to tell the shopper, e.g. "Profile saved". */
  children: ReactNode;
  /** Render the user's own element instead of a `<div>`, merging props, handlers and `className`. */
  asChild?: boolean;
}

/**
 * Shows its children in a `role="status"` region once the form's last submit succeeded, until the shopper
 * edits the form again. Renders nothing otherwise. It re-renders only when those two states change.
 *
 * @example
 * ```tsx
 * <ProfileForm>
 *   …
 *   <FormSuccess>Your profile is saved.</FormSuccess>
 *   <Submit>Save</Submit>
 * </ProfileForm>
 * ```
 */
export const FormSuccess = forwardRef<HTMLDivElement, FormSuccessProps>(function FormSuccess(
  { asChild, children, ...props },
  ref,
) {
  const form = useFormMethods('FormSuccess');
  const { isSubmitSuccessful, isDirty } = useFormState({ control: form.control });
  if (!isSubmitSuccessful || isDirty) return null;
  const Comp = asChild ? Slot : 'div';
  return (
    <Comp role="status" ref={ref} {...props}>
      {children}
    </Comp>
  );
});
