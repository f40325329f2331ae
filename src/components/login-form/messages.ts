/** The login form's own texts, by key; override any of them with the `messages` prop or a `MessagesProvider`. */
export const loginMessages = {
  'login.email': 'Email',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.submitting': 'Logging in…',
} as const;
