import { FormError, useMessages } from 'emporix-customer-react';

/**
 * Server texts reach the shopper as the server wrote them. To replace some, branch on the error's `type`
 * (the HTTP status of a server error, e.g. '503') and show a translated key instead.
 */
export function TranslatedFormError() {
  const t = useMessages();
  return <FormError>{({ message, type }) => (type.startsWith('5') ? t('form.unknownError') : message)}</FormError>;
}
