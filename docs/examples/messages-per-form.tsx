import { LoginForm } from 'emporix-customer-react';

// Any key of the form's own messages or of the shared ones; the rest keep their defaults.
export function GermanLogin() {
  return (
    <LoginForm
      messages={{
        'login.email': 'E-Mail',
        'login.password': 'Passwort',
        'login.submit': 'Anmelden',
        'login.submitting': 'Anmeldung läuft …',
        'login.invalidCredentials': 'Anmeldung mit dieser E-Mail-Adresse und diesem Passwort nicht möglich.',
        'field.required': 'Bitte ausfüllen.',
      }}
    />
  );
}
