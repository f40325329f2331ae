export { loginFormSchema } from './login-form-schema';
export type { LoginFormInput, LoginFormValues } from './login-form-schema';
export { addressFormSchema, defaultAddressTags, addressTextFields } from './address-form-schema';
export type { AddressFormInput, AddressFormValues, AddressTextField } from './address-form-schema';
export { signupFormSchema, signupFormDefaults, toCustomerSignup, signupFieldMap } from './signup-form-schema';
export type { SignupFormInput, SignupFormValues } from './signup-form-schema';
export { resendActivationFormSchema } from './resend-activation-form-schema';
export type { ResendActivationFormInput, ResendActivationFormValues } from './resend-activation-form-schema';
export { passwordResetRequestFormSchema } from './password-reset-request-form-schema';
export type {
  PasswordResetRequestFormInput,
  PasswordResetRequestFormValues,
} from './password-reset-request-form-schema';
export { passwordResetFormSchema } from './password-reset-form-schema';
export type { PasswordResetFormInput, PasswordResetFormValues } from './password-reset-form-schema';
export { profileFormSchema, profileFormSchemaFor } from './profile-form-schema';
export type { ProfileFormInput, ProfileFormValues } from './profile-form-schema';
export { changePasswordFormSchema } from './change-password-form-schema';
export type { ChangePasswordFormInput, ChangePasswordFormValues } from './change-password-form-schema';
export { changeEmailFormSchema } from './change-email-form-schema';
export type { ChangeEmailFormInput, ChangeEmailFormValues } from './change-email-form-schema';
