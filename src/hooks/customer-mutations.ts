/**
 * `mutationOptions` factories: what each write sends, what it shows at once (optimistic edits, rolled
 * back on failure) and what it reloads once it settled (awaited, so `isPending` lasts until fresh data is in).
 *
 * - Writes never retry on their own: a write whose answer was lost may have been applied.
 * - Writes to the customer's data are bound to the scope they were made in (see `customerKeys.mutation`).
 * - Operations that carry a password, a mailed token or a code take `SealedCredentials` (see `credentials.ts`).
 * - `metadata.version` is sent only when the caller puts it in the patch (the version the form was filled
 *   from); the hooks never add one, so two quick writes in a row cannot trip over each other's versions.
 */
import { mutationOptions, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { CustomerClient, LoginResult } from '../api/client';
import type { EmporixError } from '../api/errors';
import type {
  AddressCreate,
  AddressUpdate,
  ChangeEmailRequest,
  CustomerPatch,
  CustomerSignup,
  PasswordAuthentication,
  PasswordChange,
  PasswordResetRequest,
  PasswordUpdate,
} from '../api/schemas';
import {
  addressEdits,
  cancelAddressBook,
  cancelProfiles,
  editAddressBook,
  editProfiles,
  otherWritesPending,
  refreshAddressBook,
  refreshProfiles,
  restore,
  serverMayHaveChanged,
  type AddressEdit,
  type Snapshot,
} from './cache-edits';
import { assertCaller, currentScope, isCurrentCaller } from './caller-guard';
import type {
  EmailChangeVisible,
  ExchangeTokenInput,
  ExchangeTokenVisible,
  LoginVisible,
  SealedCredentials,
  SignupVisible,
  SocialLoginCallback,
  SocialLoginInput,
  SocialLoginVisible,
} from './credentials';
import { customerKeys, isCustomerScope, type CallerScope } from './customer-keys';
import { ensureQueryForKey } from './customer-queries';

/** Writes to one address. */
export interface AddressTarget {
  /** The address's id, as the address endpoints answer it. */
  id: string;
}
/** What `useUpdateAddress` takes: the address `id` and the fields to change. */
export interface AddressPatchInput extends AddressTarget {
  /** The fields to change; `isDefault: true` makes it the default address. */
  patch: AddressUpdate;
}
/** What `useAddAddressTags` and `useRemoveAddressTags` take: the address `id` and the tags. */
export interface AddressTagsInput extends AddressTarget {
  /** The tags to add or remove, e.g. `['BILLING']`. */
  tags: readonly string[];
}
/** What `useSwitchLegalEntity` takes. */
export interface SwitchLegalEntityInput {
  /** The id of one of the customer's legal entities (`customer.b2b.legalEntities[].id`). */
  legalEntityId: string;
}
/** Who was calling before the switch, and which of their queries were on screen. */
export interface SwitchLegalEntityContext {
  /** The caller's scope before the switch. */
  from: CallerScope;
  /** The keys of the queries that were on screen, loaded again for the new legal entity. */
  shown: QueryKey[];
}

const ADDRESS_WRITES: ReadonlySet<string> = new Set([
  'createAddress',
  'updateAddress',
  'deleteAddress',
  'setDefaultAddress',
  'addAddressTags',
  'removeAddressTags',
]);
const PROFILE_WRITES: ReadonlySet<string> = new Set(['updateCustomer']);

const noRetry = { retry: false } as const;

/** Sends a write for `scope`, unless another caller has taken over since it was made. */
function forCaller<T>(client: CustomerClient, scope: CallerScope, operation: string, send: () => Promise<T>): Promise<T> {
  assertCaller(client, scope, operation);
  return send();
}

/**
 * Reloads what a write changed once it settled (`refresh`), if it may have changed it and is the last
 * pending one of `writes` — the kinds of write that change the same data.
 */
async function reloadAfterWrite(
  client: CustomerClient,
  queryClient: QueryClient,
  scope: CallerScope,
  error: EmporixError | null,
  writes: ReadonlySet<string>,
  refresh: (queryClient: QueryClient, scope: CallerScope) => Promise<void>,
): Promise<void> {
  if (!serverMayHaveChanged(error) || !isCurrentCaller(client, scope)) return;
  if (otherWritesPending(queryClient, scope, writes)) return;
  await refresh(queryClient, scope);
}

/** An address write shown at once in every cached copy of the address book, rolled back if it fails. */
function optimisticAddressWrite<TVariables>(
  client: CustomerClient,
  scope: CallerScope,
  name: string,
  spec: {
    send: (variables: TVariables) => Promise<void>;
    edit: (variables: TVariables) => AddressEdit;
    /** Cache work once the server confirmed, before the reload. */
    confirmed?: (queryClient: QueryClient, variables: TVariables) => void;
  },
) {
  return mutationOptions<void, EmporixError, TVariables, Snapshot>({
    ...noRetry,
    mutationKey: customerKeys.mutation(name, scope),
    mutationFn: (variables) => forCaller(client, scope, name, () => spec.send(variables)),
    onMutate: async (variables, { client: queryClient }) => {
      await cancelAddressBook(queryClient, scope);
      return editAddressBook(queryClient, scope, spec.edit(variables));
    },
    onSuccess: (_data, variables, _snapshot, { client: queryClient }) => {
      if (isCurrentCaller(client, scope)) spec.confirmed?.(queryClient, variables);
    },
    onError: (_error, _variables, snapshot, { client: queryClient }) => {
      if (isCurrentCaller(client, scope)) restore(queryClient, snapshot);
    },
    onSettled: (_data, error, _variables, _snapshot, { client: queryClient }) =>
      reloadAfterWrite(client, queryClient, scope, error, ADDRESS_WRITES, refreshAddressBook),
  });
}

/**
 * A write that carries a secret and is bound to no caller (logins, sign-up, mailed tokens): the secret
 * leaves the seal as the request is sent.
 */
function sealedWrite<TData, TInput, TVisible>(name: string, send: (input: TInput) => Promise<TData>) {
  return mutationOptions<TData, EmporixError, SealedCredentials<TInput, TVisible>>({
    ...noRetry,
    mutationKey: customerKeys.mutation(name),
    mutationFn: (sealed) => send(sealed.take()),
  });
}

/** A credential write for the logged-in customer; the secret leaves the seal even if it is not sent. */
function customerCredentialWrite<TInput, TVisible>(
  client: CustomerClient,
  scope: CallerScope,
  name: string,
  send: (input: TInput) => Promise<void>,
) {
  return mutationOptions<void, EmporixError, SealedCredentials<TInput, TVisible>>({
    ...noRetry,
    mutationKey: customerKeys.mutation(name, scope),
    mutationFn: (sealed) => {
      const input = sealed.take();
      return forCaller(client, scope, name, () => send(input));
    },
  });
}

// ---- profile --------------------------------------------------------------------------------

/** Patches the profile; every cached profile shows the change at once. */
export const updateCustomer = (client: CustomerClient, scope: CallerScope) =>
  mutationOptions<void, EmporixError, CustomerPatch, Snapshot>({
    ...noRetry,
    mutationKey: customerKeys.mutation('updateCustomer', scope),
    mutationFn: (patch) => forCaller(client, scope, 'updateCustomer', () => client.updateCustomer(patch)),
    onMutate: async (patch, { client: queryClient }) => {
      await cancelProfiles(queryClient, scope);
      return editProfiles(queryClient, scope, patch);
    },
    onError: (_error, _patch, snapshot, { client: queryClient }) => {
      if (isCurrentCaller(client, scope)) restore(queryClient, snapshot);
    },
    onSettled: (_data, error, _patch, _snapshot, { client: queryClient }) =>
      reloadAfterWrite(client, queryClient, scope, error, PROFILE_WRITES, refreshProfiles),
  });

// ---- addresses ------------------------------------------------------------------------------

/** Adds an address. The API answers only its id, so the address book is reloaded (one request). */
export const createAddress = (client: CustomerClient, scope: CallerScope) =>
  mutationOptions<{ id: string }, EmporixError, AddressCreate>({
    ...noRetry,
    mutationKey: customerKeys.mutation('createAddress', scope),
    mutationFn: (address) => forCaller(client, scope, 'createAddress', () => client.createAddress(address)),
    onSettled: (_data, error, _address, _context, { client: queryClient }) =>
      reloadAfterWrite(client, queryClient, scope, error, ADDRESS_WRITES, refreshAddressBook),
  });

/** Changes an address (the server answers no body and bumps its version), then reloads the address book. */
export const updateAddress = (client: CustomerClient, scope: CallerScope) =>
  mutationOptions<void, EmporixError, AddressPatchInput>({
    ...noRetry,
    mutationKey: customerKeys.mutation('updateAddress', scope),
    mutationFn: ({ id, patch }) => forCaller(client, scope, 'updateAddress', () => client.updateAddress(id, patch)),
    onSettled: (_data, error, _input, _context, { client: queryClient }) =>
      reloadAfterWrite(client, queryClient, scope, error, ADDRESS_WRITES, refreshAddressBook),
  });

/** Deletes an address; it disappears at once and comes back if the server refuses. */
export const deleteAddress = (client: CustomerClient, scope: CallerScope) =>
  optimisticAddressWrite<string>(client, scope, 'deleteAddress', {
    send: (id) => client.deleteAddress(id),
    edit: (id) => addressEdits.remove(id),
    confirmed: (queryClient, id) => queryClient.removeQueries({ queryKey: customerKeys.address(scope, id), exact: true }),
  });

/** Makes an address the default; the previous default loses the flag at once, everywhere it is cached. */
export const setDefaultAddress = (client: CustomerClient, scope: CallerScope) =>
  optimisticAddressWrite<string>(client, scope, 'setDefaultAddress', {
    send: (id) => client.updateAddress(id, { isDefault: true }),
    edit: (id) => addressEdits.setDefault(id),
  });

export const addAddressTags = (client: CustomerClient, scope: CallerScope) =>
  optimisticAddressWrite<AddressTagsInput>(client, scope, 'addAddressTags', {
    send: ({ id, tags }) => client.addAddressTags(id, tags),
    edit: ({ id, tags }) => addressEdits.addTags(id, tags),
  });

export const removeAddressTags = (client: CustomerClient, scope: CallerScope) =>
  optimisticAddressWrite<AddressTagsInput>(client, scope, 'removeAddressTags', {
    send: ({ id, tags }) => client.removeAddressTags(id, tags),
    edit: ({ id, tags }) => addressEdits.removeTags(id, tags),
  });

// ---- session --------------------------------------------------------------------------------
// `login`, `confirmSignup`, `socialLogin` and `exchangeToken` start a customer session; the provider then
// drops the guest's data and the customer's queries load.

/** Logs in with email and password; a refused login is an `EmporixError` of type `invalid_credentials`. */
export const login = (client: CustomerClient) =>
  sealedWrite<LoginResult, PasswordAuthentication, LoginVisible>('login', (credentials) => client.login(credentials));

/** Activates a double opt-in account with the mailed token; the customer is then logged in. */
export const confirmSignup = (client: CustomerClient) =>
  sealedWrite<LoginResult, string, undefined>('confirmSignup', (token) => client.confirmSignup(token));

/**
 * Finishes a social login on the page the identity provider sent the shopper back to: checks the `state`
 * against the one `beginSocialLogin` kept in this tab, then spends the code once (`completeSocialLogin`).
 */
export const completeSocialLogin = (client: CustomerClient) =>
  sealedWrite<LoginResult, SocialLoginCallback, undefined>('completeSocialLogin', (callbackUrl) =>
    client.completeSocialLogin(callbackUrl),
  );

/** Completes a social login with the identity provider's raw code (prefer `completeSocialLogin`). */
export const socialLogin = (client: CustomerClient) =>
  sealedWrite<LoginResult, SocialLoginInput, SocialLoginVisible>('socialLogin', (input) => client.socialLogin(input));

/** Exchanges an identity provider's access token for a customer session. */
export const exchangeToken = (client: CustomerClient) =>
  sealedWrite<LoginResult, ExchangeTokenInput, ExchangeTokenVisible>('exchangeToken', (input) =>
    client.exchangeToken(input),
  );

/**
 * Logs out. Runs offline too (`networkMode: 'always'`): the local session always ends, and the provider
 * drops the cached customer data and every write not yet sent.
 */
export const logout = (client: CustomerClient) =>
  mutationOptions<void, EmporixError, void>({
    ...noRetry,
    mutationKey: customerKeys.mutation('logout'),
    networkMode: 'always',
    mutationFn: () => client.logout(),
  });

/**
 * Acts for another legal entity (B2B): renews the customer token bound to it. Everything cached for the
 * previous legal entity is dropped by the provider; what was on screen is loaded again for the new one
 * before the mutation settles.
 */
export const switchLegalEntity = (client: CustomerClient) =>
  mutationOptions<void, EmporixError, SwitchLegalEntityInput, SwitchLegalEntityContext>({
    ...noRetry,
    mutationKey: customerKeys.mutation('switchLegalEntity'),
    onMutate: (_input, { client: queryClient }) => {
      const from = currentScope(client);
      const shown = queryClient
        .getQueryCache()
        .findAll({ queryKey: customerKeys.scope(from), type: 'active' })
        .map((query) => query.queryKey);
      return { from, shown };
    },
    mutationFn: ({ legalEntityId }) => client.refreshCustomerToken({ legalEntityId }),
    onSuccess: async (_data, _input, context, { client: queryClient }) => {
      const to = currentScope(client);
      if (to === context.from || !isCustomerScope(to)) return;
      await Promise.all(context.shown.map((key) => ensureQueryForKey(client, queryClient, to, key)));
    },
  });

// ---- sign-up --------------------------------------------------------------------------------

/** Creates an account (`{ id }`); with double opt-in it waits for the mailed activation link. */
export const signup = (client: CustomerClient) =>
  sealedWrite<{ id: string }, CustomerSignup, SignupVisible>('signup', (input) => client.signup(input));

/** Sends the activation mail again. */
export const resendActivation = (client: CustomerClient) =>
  mutationOptions<void, EmporixError, { email: string }>({
    ...noRetry,
    mutationKey: customerKeys.mutation('resendActivation'),
    mutationFn: (input) => client.resendActivation(input),
  });

// ---- credentials ----------------------------------------------------------------------------

export const changePassword = (client: CustomerClient, scope: CallerScope) =>
  customerCredentialWrite<PasswordChange, undefined>(client, scope, 'changePassword', (input) =>
    client.changePassword(input),
  );

/** Mails a reset token; answers the same whether or not the email has an account. */
export const requestPasswordReset = (client: CustomerClient) =>
  mutationOptions<void, EmporixError, PasswordResetRequest>({
    ...noRetry,
    mutationKey: customerKeys.mutation('requestPasswordReset'),
    mutationFn: (input) => client.requestPasswordReset(input),
  });

export const resetPassword = (client: CustomerClient) =>
  sealedWrite<void, PasswordUpdate, undefined>('resetPassword', (input) => client.resetPassword(input));

/** Asks to change the login email (current email and password required); a token goes to the new address. */
export const requestEmailChange = (client: CustomerClient, scope: CallerScope) =>
  customerCredentialWrite<ChangeEmailRequest, EmailChangeVisible>(client, scope, 'requestEmailChange', (input) =>
    client.requestEmailChange(input),
  );

/** Confirms a login-email change with the mailed token; a logged-in customer's profile is reloaded. */
export const confirmEmailChange = (client: CustomerClient) =>
  mutationOptions<void, EmporixError, SealedCredentials<{ token: string }, undefined>>({
    ...sealedWrite<void, { token: string }, undefined>('confirmEmailChange', (input) =>
      client.confirmEmailChange(input),
    ),
    onSuccess: async (_data, _sealed, _context, { client: queryClient }) => {
      const scope = currentScope(client);
      if (isCustomerScope(scope)) await refreshProfiles(queryClient, scope);
    },
  });

/**
 * Every write's options, by name. Writes to the customer's data take the caller's scope; the others only
 * the client. The hooks import the factories above one by one, so an app bundles only the writes it uses.
 *
 * @example
 * ```ts
 * const setDefault = useMutation(customerMutations.setDefaultAddress(client, scope));
 * const login = useMutation(customerMutations.login(client));
 * login.mutate(sealCredentials.login({ email, password }));
 * ```
 */
export const customerMutations = {
  updateCustomer,
  createAddress,
  updateAddress,
  deleteAddress,
  setDefaultAddress,
  addAddressTags,
  removeAddressTags,
  login,
  confirmSignup,
  completeSocialLogin,
  socialLogin,
  exchangeToken,
  logout,
  switchLegalEntity,
  signup,
  resendActivation,
  changePassword,
  requestPasswordReset,
  resetPassword,
  requestEmailChange,
  confirmEmailChange,
};
