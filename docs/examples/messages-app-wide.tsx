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
  'form.refused': 'Die Anfrage wurde abgelehnt. Bitte erneut versuchen; wenn das wieder passiert, wenden Sie sich an den Shop.',
  'form.checkEntries': 'Einige Angaben wurden nicht angenommen. Bitte prüfen und erneut versuchen.',
  'form.shopUnavailable': 'Der Shop ist gerade nicht erreichbar. Bitte später erneut versuchen.',
  'form.forbidden': 'Das ist mit Ihrer aktuellen Anmeldung nicht möglich. Bitte melden Sie sich erneut an.',
  'form.changedElsewhere':
    'Das wurde inzwischen anderswo geändert; wir haben den neuesten Stand geladen und Ihre Eingaben behalten — bitte prüfen und erneut speichern.',
  'form.sessionExpired': 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  'form.fieldDetail': '{field}: {message}',
  'choices.locale': 'de',
  'choices.none': 'Keine Angabe',
  'login.invalidCredentials':
    'Mit dieser E-Mail-Adresse und diesem Passwort konnten wir Sie nicht anmelden. Wenn Sie sich gerade erst registriert haben, muss Ihr Konto eventuell noch aktiviert werden.',
  'login.email': 'E-Mail',
  'login.password': 'Passwort',
  'login.submit': 'Anmelden',
  'login.submitting': 'Anmeldung läuft …',
};

export function Translations({ locale, children }: { locale: string; children: ReactNode }) {
  // English needs no provider: every component ships its English defaults.
  return locale === 'de' ? <MessagesProvider messages={de}>{children}</MessagesProvider> : children;
}
