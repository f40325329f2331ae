/** The change-email form's own texts, by key; override any of them with the `messages` prop or a `MessagesProvider`. */
export const changeEmailMessages = {
  'changeEmail.email': 'Current login email',
  'changeEmail.password': 'Password',
  'changeEmail.newEmail': 'New login email',
  'changeEmail.syncContactEmail': 'Also use the new address as my contact email',
  'changeEmail.submit': 'Change login email',
  'changeEmail.submitting': 'Sending…',
  'changeEmail.sent': 'We sent a confirmation link to {newEmail}. Open it to finish the change; until then, log in with your current email.',
  'changeEmail.unchanged': 'Enter an email address other than the current one.',
  'changeEmail.passwordWrong': 'The password is not correct.',
  'changeEmail.emailNotCurrent': 'This is not the email address you log in with.',
  'changeEmail.newEmailTaken': 'Another account already uses this email address.',
} as const;
