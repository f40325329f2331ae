export { CustomerProvider } from './customer-provider';
export type { CustomerProviderProps } from './customer-provider';
export { useCustomerClient } from './customer-context';
export { customerKeys, callerScope, isCustomerScope, SIGNED_OUT } from './customer-keys';
export type { CallerScope } from './customer-keys';
export { customerQueries } from './customer-queries';
export type { ProfileQueryInput } from './customer-queries';
export { prefetchAccountPage } from './prefetch-account-page';
export { customerMutations } from './customer-mutations';
export type {
  AddressPatchInput,
  AddressTagsInput,
  AddressTarget,
  SwitchLegalEntityContext,
  SwitchLegalEntityInput,
} from './customer-mutations';
export type { Snapshot } from './cache-edits';
export { SealedCredentials, sealCredentials } from './credentials';
export type {
  EmailChangeVisible,
  ExchangeTokenInput,
  ExchangeTokenVisible,
  LoginVisible,
  SignupVisible,
  SocialLoginCallback,
  SocialLoginInput,
  SocialLoginVisible,
} from './credentials';
export type { CredentialMutateOptions, CredentialMutationResult } from './use-credential-mutation';
export { useCallerScope } from './use-caller-scope';

export { useSession } from './use-session';
export type { SessionView, UnknownSessionState } from './use-session';
export { useCustomer } from './use-customer';
export { useUpdateCustomer } from './use-update-customer';
export { useAddresses } from './use-addresses';
export { useAddress } from './use-address';
export { useCreateAddress } from './use-create-address';
export { useUpdateAddress } from './use-update-address';
export { useDeleteAddress } from './use-delete-address';
export { useSetDefaultAddress } from './use-set-default-address';
export { useAddAddressTags } from './use-add-address-tags';
export { useRemoveAddressTags } from './use-remove-address-tags';
export { useLogin } from './use-login';
export { useLogout } from './use-logout';
export { useSignup } from './use-signup';
export { useConfirmSignup } from './use-confirm-signup';
export { useResendActivation } from './use-resend-activation';
export { useSocialLogin } from './use-social-login';
export { useCompleteSocialLogin } from './use-complete-social-login';
export { useExchangeToken } from './use-exchange-token';
export { useValidateToken } from './use-validate-token';
export { useSwitchLegalEntity } from './use-switch-legal-entity';
export { useChangePassword } from './use-change-password';
export { useRequestPasswordReset } from './use-request-password-reset';
export { useResetPassword } from './use-reset-password';
export { useRequestEmailChange } from './use-request-email-change';
export { useConfirmEmailChange } from './use-confirm-email-change';
