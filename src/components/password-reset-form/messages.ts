/** The password-reset form's own texts, by key; override any of them with the `messages` prop or a `MessagesProvider`. */
export const passwordResetMessages = {
  'passwordReset.email': 'Email',
  'passwordReset.emailHint': 'Optional: lets your browser save the new password for your account, and fills in the login.',
  'passwordReset.password': 'New password',
  'passwordReset.passwordHint': 'At least 6 characters.',
  'passwordReset.confirmPassword': 'Confirm new password',
  'passwordReset.submit': 'Set new password',
  'passwordReset.submitting': 'Saving…',
  'passwordReset.passwordMismatch': 'The passwords do not match.',
  'passwordReset.invalidToken': 'This reset link did not work: it may have expired or been used already. Request a new one.',
  'passwordReset.requestNewLink': 'Request a new link',
  'passwordReset.newLinkTitle': 'Send me a new link',
  'passwordReset.done': 'Your password has been changed. You can now log in with it.',
  'passwordReset.logIn': 'Log in',
} as const;
