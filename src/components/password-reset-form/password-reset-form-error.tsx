import { createContext, forwardRef, useContext } from 'react';
import { FormError, type FormErrorProps } from '../form/form-error';
import { useMessages } from '../form/messages';
import { INVALID_RESET_TOKEN } from './use-password-reset-form';

/** The `onRequestNewLink` callback `<PasswordResetForm>` received. */
export const RequestNewLinkContext = createContext<(() => void) | undefined>(undefined);
RequestNewLinkContext.displayName = 'RequestNewLinkContext';

/** Props of {@link PasswordResetFormError}. */
export type PasswordResetFormErrorProps = Omit<FormErrorProps, 'children'>;

/**
 * The reset's form-level error (`role="alert"`): `<FormError>`, plus a "Request a new link" button when the
 * link is invalid or expired and `<PasswordResetForm>` was given `onRequestNewLink`.
 */
export const PasswordResetFormError = forwardRef<HTMLDivElement, PasswordResetFormErrorProps>(
  function PasswordResetFormError(props, ref) {
    const onRequestNewLink = useContext(RequestNewLinkContext);
    const t = useMessages();
    return (
      <FormError ref={ref} {...props}>
        {({ message, type }) => (
          <>
            <p>{message}</p>
            {type === INVALID_RESET_TOKEN && onRequestNewLink && (
              <button type="button" onClick={onRequestNewLink}>
                {t('passwordReset.requestNewLink')}
              </button>
            )}
          </>
        )}
      </FormError>
    );
  },
);
