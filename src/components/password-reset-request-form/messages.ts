/** The password-reset request form's own texts, by key; override any of them with the `messages` prop or a `MessagesProvider`. */
export const passwordResetRequestMessages = {
  'passwordResetRequest.email': 'Email',
  'passwordResetRequest.submit': 'Send reset link',
  'passwordResetRequest.submitting': 'Sending…',
  'passwordResetRequest.sent':
    'If an account exists for {email}, we sent it a link to reset the password. Check your inbox.',
} as const;
