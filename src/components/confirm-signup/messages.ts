/** The signup confirmation's own texts, by key; override any of them with the `messages` prop or a `MessagesProvider`. */
export const confirmSignupMessages = {
  'confirmSignup.confirming': 'Activating your account…',
  'confirmSignup.confirmed': 'Your account is activated and you are logged in.',
  'confirmSignup.invalidToken':
    'This activation link did not work: it may have expired or been used already. If your account is active, log in; otherwise request a new link below.',
  'confirmSignup.requestNewLink': 'Send me a new activation link',
  'confirmSignup.retry': 'Try again',
  'confirmSignup.outcomeUnknown':
    'We could not tell whether your account was activated. Try logging in; if that does not work, request a new activation link.',
} as const;
