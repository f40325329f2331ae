import type { ReactNode } from 'react';
import { MessagesProvider, type defaultMessages, type loginMessages } from 'emporix-customer-react';

/**
 * Every key the app shows, so the compiler reports a key this translation lacks. Add each form you use:
 * `| keyof typeof signupMessages | keyof typeof profileMessages | …`.
 */
type MessageKeys = keyof typeof defaultMessages | keyof typeof loginMessages;

export const de: Record<MessageKeys, string> = {
  'field.required': 'Bitte ausfüllen.',
  'field.invalid': 'Dieser Wert ist ungültig.',
  'field.email': 'Bitte eine gültige E-Mail-Adresse eingeben.',
  'field.tooShort': 'Mindestens {minimum} Zeichen.',
  'field.tooLong': 'Höchstens {maximum} Zeichen.',
  'field.length': 'Genau {length} Zeichen.',
  'form.networkError': 'Der Server ist nicht erreichbar. Bitte Verbindung prüfen und erneut versuchen.',
  'form.unknownError': 'Etwas ist schiefgegangen. Bitte erneut versuchen.',
  'form.sessionExpired': 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  'form.fieldDetail': '{field}: {message}',
  'choices.locale': 'de',
  'choices.none': 'Keine Angabe',
  'login.invalidCredentials': 'E-Mail oder Passwort ist falsch.',
  'login.notActivated': 'Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse über den Link in der Aktivierungs-Mail.',
  'login.email': 'E-Mail',
  'login.password': 'Passwort',
  'login.submit': 'Anmelden',
  'login.submitting': 'Anmeldung läuft …',
};

export function Translations({ locale, children }: { locale: string; children: ReactNode }) {
  // English needs no provider: every component ships its English defaults.
  return locale === 'de' ? <MessagesProvider messages={de}>{children}</MessagesProvider> : children;
}
