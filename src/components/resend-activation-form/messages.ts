/** The resend-activation form's own texts, by key; override any of them with the `messages` prop or a `MessagesProvider`. */
export const resendActivationMessages = {
  'resendActivation.email': 'Email',
  'resendActivation.submit': 'Send activation link',
  'resendActivation.submitting': 'Sending…',
  'resendActivation.sent':
    'If an account for {email} is waiting for activation, a new activation link is on its way. Check your inbox.',
} as const;
