/** The change-password form's own texts, by key; override any of them with the `messages` prop or a `MessagesProvider`. */
export const changePasswordMessages = {
  'changePassword.currentPassword': 'Current password',
  'changePassword.newPassword': 'New password',
  'changePassword.newPasswordHint': 'At least 6 characters.',
  'changePassword.confirmNewPassword': 'Repeat the new password',
  'changePassword.submit': 'Change password',
  'changePassword.submitting': 'Changing password…',
  'changePassword.success': 'Your password has been changed.',
  'changePassword.currentPasswordWrong': 'The current password is not correct.',
  'changePassword.unchanged': 'Choose a password other than the current one.',
  'changePassword.mismatch': 'The passwords do not match.',
} as const;
