/** The email-change confirmation's own texts, by key; override any of them with the `messages` prop or a `MessagesProvider`. */
export const confirmEmailChangeMessages = {
  'confirmEmailChange.confirming': 'Confirming your new email address…',
  'confirmEmailChange.confirmed': 'Your login email has been changed. From now on, log in with the new address.',
  'confirmEmailChange.invalidToken':
    'This confirmation link did not work: it may have expired or been used already. If your new email does not work for logging in, request the change again.',
  'confirmEmailChange.retry': 'Try again',
} as const;
