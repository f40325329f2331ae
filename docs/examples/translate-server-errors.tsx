import { FieldError, FormError, useMessages } from 'emporix-customer-react';

/**
 * A field detail the server reported reaches the shopper in the server's words (`type` is `'server'`). To show
 * a translated text instead, branch on the type.
 */
export function TranslatedFieldError() {
  const t = useMessages();
  return <FieldError>{({ message, type }) => (type === 'server' ? t('field.invalid') : message)}</FieldError>;
}

/** The form-level message is always a key, translated already; `type` (the HTTP status) still tells them apart. */
export function FormErrorWithHelp() {
  return (
    <FormError>
      {({ message, type }) => (
        <>
          <p>{message}</p>
          {type === '403' && <a href="/login">Log in</a>}
        </>
      )}
    </FormError>
  );
}
