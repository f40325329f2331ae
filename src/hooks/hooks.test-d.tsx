import { useQuery, useQueryClient, type useMutation } from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import type { CustomerClient, LoginResult } from '../api/client';
import type { EmporixError } from '../api/errors';
import type {
  AddressCreate,
  AddressDto,
  ChangeEmailRequest,
  Customer,
  CustomerPatch,
  CustomerSignup,
  PasswordAuthentication,
  PasswordChange,
  PasswordResetRequest,
  PasswordUpdate,
  ValidateTokenResponse,
} from '../api/schemas';
import {
  customerQueries,
  useAddress,
  useCustomer,
  useLogin,
  useSession,
  type AddressPatchInput,
  type AddressTagsInput,
  type customerMutations,
  type LoginVisible,
  type SealedCredentials,
  type SessionView,
  type useAddAddressTags,
  type useAddresses,
  type useChangePassword,
  type useConfirmEmailChange,
  type useConfirmSignup,
  type useCreateAddress,
  type useDeleteAddress,
  type useExchangeToken,
  type useLogout,
  type useRemoveAddressTags,
  type useRequestEmailChange,
  type useRequestPasswordReset,
  type useResendActivation,
  type useResetPassword,
  type useSetDefaultAddress,
  type useSignup,
  type useSocialLogin,
  type useSwitchLegalEntity,
  type useUpdateAddress,
  type useUpdateCustomer,
  type useValidateToken,
} from './index';

/** The first parameter of a hook result's `mutate`. */
type Input<T extends { mutate: (...args: never[]) => unknown }> = Parameters<T['mutate']>[0];

describe('query hooks', () => {
  it('type their data and EmporixError as the error', () => {
    expectTypeOf<ReturnType<typeof useCustomer>['data']>().toEqualTypeOf<Customer | undefined>();
    expectTypeOf<ReturnType<typeof useAddresses>['data']>().toEqualTypeOf<AddressDto[] | undefined>();
    expectTypeOf<ReturnType<typeof useAddress>['data']>().toEqualTypeOf<AddressDto | undefined>();
    expectTypeOf<ReturnType<typeof useValidateToken>['data']>().toEqualTypeOf<ValidateTokenResponse | undefined>();
    expectTypeOf<ReturnType<typeof useCustomer>['error']>().toEqualTypeOf<EmporixError | null>();
    expectTypeOf<ReturnType<typeof useAddresses>['error']>().toEqualTypeOf<EmporixError | null>();
    expectTypeOf<ReturnType<typeof useAddress>['error']>().toEqualTypeOf<EmporixError | null>();
    expectTypeOf<ReturnType<typeof useValidateToken>['error']>().toEqualTypeOf<EmporixError | null>();
    expectTypeOf(useCustomer).parameter(0).toEqualTypeOf<{ expand?: readonly string[] } | undefined>();
    expectTypeOf(useAddress).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(useSession).returns.toEqualTypeOf<SessionView>();
  });

  it('narrow data once successful', () => {
    function Name() {
      const customer = useCustomer();
      if (customer.isSuccess) expectTypeOf(customer.data).toEqualTypeOf<Customer>();
      return null;
    }
    expectTypeOf(Name).returns.toBeNull();
  });

  it('factories tag their keys with the data type, for cache reads in loaders', () => {
    function Prefetch({ client }: { client: CustomerClient }) {
      const queryClient = useQueryClient();
      const profile = customerQueries.profile(client, 'customer:1:-', { expand: ['addresses'] });
      expectTypeOf(queryClient.getQueryData(profile.queryKey)).toEqualTypeOf<Customer | undefined>();
      expectTypeOf(useQuery(profile).error).toEqualTypeOf<EmporixError | null>();
      return null;
    }
    expectTypeOf(Prefetch).returns.toBeNull();
  });

  it('do not rely on a registered default error (an app may still register EmporixError itself)', () => {
    // Without `declare module '@tanstack/react-query' { interface Register { defaultError: EmporixError } }`
    // a plain useMutation stays `Error`, while the library's hooks are EmporixError by their own generics.
    expectTypeOf<ReturnType<typeof useMutation<void, Error, void>>['error']>().toEqualTypeOf<Error | null>();
    expectTypeOf<ReturnType<typeof useUpdateCustomer>['error']>().toEqualTypeOf<EmporixError | null>();
  });
});

describe('mutation hooks', () => {
  it('take the documented variables', () => {
    expectTypeOf<Input<ReturnType<typeof useUpdateCustomer>>>().toEqualTypeOf<CustomerPatch>();
    expectTypeOf<Input<ReturnType<typeof useCreateAddress>>>().toEqualTypeOf<AddressCreate>();
    expectTypeOf<Input<ReturnType<typeof useUpdateAddress>>>().toEqualTypeOf<AddressPatchInput>();
    expectTypeOf<Input<ReturnType<typeof useDeleteAddress>>>().toEqualTypeOf<string>();
    expectTypeOf<Input<ReturnType<typeof useSetDefaultAddress>>>().toEqualTypeOf<string>();
    expectTypeOf<Input<ReturnType<typeof useAddAddressTags>>>().toEqualTypeOf<AddressTagsInput>();
    expectTypeOf<Input<ReturnType<typeof useRemoveAddressTags>>>().toEqualTypeOf<AddressTagsInput>();
    expectTypeOf<ReturnType<typeof useLogout>['mutate']>().toBeCallableWith();
    expectTypeOf<Input<ReturnType<typeof useResendActivation>>>().toEqualTypeOf<{ email: string }>();
    expectTypeOf<Input<ReturnType<typeof useSwitchLegalEntity>>>().toEqualTypeOf<{ legalEntityId: string }>();
    expectTypeOf<Input<ReturnType<typeof useRequestPasswordReset>>>().toEqualTypeOf<PasswordResetRequest>();
    expectTypeOf<Input<ReturnType<typeof useLogin>>>().toEqualTypeOf<PasswordAuthentication>();
    expectTypeOf<Input<ReturnType<typeof useSignup>>>().toEqualTypeOf<CustomerSignup>();
    expectTypeOf<Input<ReturnType<typeof useConfirmSignup>>>().toEqualTypeOf<string>();
    expectTypeOf<Input<ReturnType<typeof useSocialLogin>>>().toEqualTypeOf<{ code: string; redirectUri: string; codeVerifier?: string }>();
    expectTypeOf<Input<ReturnType<typeof useExchangeToken>>>().toEqualTypeOf<{ subjectAccessToken: string; config?: string }>();
    expectTypeOf<Input<ReturnType<typeof useChangePassword>>>().toEqualTypeOf<PasswordChange>();
    expectTypeOf<Input<ReturnType<typeof useResetPassword>>>().toEqualTypeOf<PasswordUpdate>();
    expectTypeOf<Input<ReturnType<typeof useRequestEmailChange>>>().toEqualTypeOf<ChangeEmailRequest>();
    expectTypeOf<Input<ReturnType<typeof useConfirmEmailChange>>>().toEqualTypeOf<{ token: string }>();
  });

  it('answer what the API answers, and fail with EmporixError', () => {
    expectTypeOf<ReturnType<typeof useCreateAddress>['data']>().toEqualTypeOf<{ id: string } | undefined>();
    expectTypeOf<ReturnType<typeof useSignup>['data']>().toEqualTypeOf<{ id: string } | undefined>();
    expectTypeOf<ReturnType<typeof useLogin>['data']>().toEqualTypeOf<LoginResult | undefined>();
    expectTypeOf<ReturnType<typeof useDeleteAddress>['error']>().toEqualTypeOf<EmporixError | null>();
    expectTypeOf<ReturnType<typeof useLogin>['error']>().toEqualTypeOf<EmporixError | null>();
    expectTypeOf<ReturnType<typeof useChangePassword>['error']>().toEqualTypeOf<EmporixError | null>();
    expectTypeOf<ReturnType<typeof useLogin>['mutateAsync']>().returns.toEqualTypeOf<Promise<LoginResult>>();
  });

  it('credential hooks expose no secret in variables or callbacks', () => {
    expectTypeOf<ReturnType<typeof useLogin>['variables']>().toEqualTypeOf<LoginVisible | undefined>();
    expectTypeOf<NonNullable<ReturnType<typeof useLogin>['variables']>>().not.toHaveProperty('password');
    expectTypeOf<NonNullable<ReturnType<typeof useSignup>['variables']>>().not.toHaveProperty('password');
    expectTypeOf<NonNullable<ReturnType<typeof useRequestEmailChange>['variables']>>().not.toHaveProperty('password');
    expectTypeOf<NonNullable<ReturnType<typeof useSocialLogin>['variables']>>().not.toHaveProperty('code');
    expectTypeOf<NonNullable<ReturnType<typeof useExchangeToken>['variables']>>().not.toHaveProperty('subjectAccessToken');
    expectTypeOf<ReturnType<typeof useChangePassword>['variables']>().toEqualTypeOf<undefined>();
    expectTypeOf<ReturnType<typeof useResetPassword>['variables']>().toEqualTypeOf<undefined>();
    expectTypeOf<ReturnType<typeof useConfirmSignup>['variables']>().toEqualTypeOf<undefined>();
    type LoginCallbacks = NonNullable<Parameters<ReturnType<typeof useLogin>['mutate']>[1]>;
    expectTypeOf<Parameters<NonNullable<LoginCallbacks['onSuccess']>>>().toEqualTypeOf<[LoginResult, LoginVisible]>();
  });

  it('narrow on status like any useMutation result', () => {
    function Login() {
      const login = useLogin();
      if (login.isSuccess) {
        expectTypeOf(login.data).toEqualTypeOf<LoginResult>();
        expectTypeOf(login.variables).toEqualTypeOf<LoginVisible>();
      }
      if (login.isIdle) expectTypeOf(login.variables).toEqualTypeOf<undefined>();
      if (login.isError) expectTypeOf(login.error).toEqualTypeOf<EmporixError>();
      return null;
    }
    expectTypeOf(Login).returns.toBeNull();
  });

  it('factories of credential writes take sealed credentials', () => {
    type LoginVariables = Parameters<NonNullable<ReturnType<typeof customerMutations.login>['mutationFn']>>[0];
    expectTypeOf<LoginVariables>().toEqualTypeOf<SealedCredentials<PasswordAuthentication, LoginVisible>>();
  });
});
