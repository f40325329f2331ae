import { LoginForm, MessageDefaults, useMessages } from 'emporix-customer-react';

// English defaults for texts of your own, kept next to the component that shows them.
const loginPageMessages = {
  'loginPage.forgotPassword': 'Forgot your password?',
  'loginPage.noAccount': 'New here? Create an account.',
};

function LoginLinks() {
  const t = useMessages();
  return (
    <p>
      <a href="/password/forgot">{t('loginPage.forgotPassword')}</a> <a href="/signup">{t('loginPage.noAccount')}</a>
    </p>
  );
}

/** An app-wide `MessagesProvider` further out may still translate `loginPage.*`: it wins over these defaults. */
export function LoginPage() {
  return (
    <MessageDefaults messages={loginPageMessages}>
      <LoginForm />
      <LoginLinks />
    </MessageDefaults>
  );
}
