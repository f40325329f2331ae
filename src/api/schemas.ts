/**
 * The zod schemas the client sends and parses with, built from the generated ones (src/api/generated).
 *
 * - Request bodies: the generated schemas as they are — unknown keys stripped, no defaults (the generator
 *   leaves `default` out, so a PATCH never overwrites a preference the customer did not touch).
 * - Responses: tolerant. Unknown keys are kept at every depth (fields the API adds later still reach the
 *   app), lifetimes may come as numeric strings, `initialPassword` as string or boolean, and nothing is
 *   invented. Token responses are reduced to one camelCase `NormalizedToken`.
 *
 * No React here: this module belongs to the framework-free `emporix-customer-react/api` entry.
 */
import * as z from 'zod/mini';
import {
  type zAccountId,
  type zB2bGet,
  type zDefaultDtoMetadata,
  zAddress,
  zAddressCreateDto,
  zAddressDto,
  zAddressUpdateDto,
  zAnonymousAccessToken,
  zChangeEmailRequestDto,
  zCustomer,
  zCustomerPatchDto,
  zCustomerSignup,
  zCustomerToken,
  zErrorMessage,
  zExchangeAuthTokenResponse,
  zGatewayFault,
  zPasswordAuthentication,
  zPasswordChangeDto,
  zPasswordResetRequestDto,
  zPasswordUpdate,
  zRefreshCustomerToken,
  zRefreshToken,
  zResourceLocation,
  zSeconds,
  type zSocialLoginResponse,
  zTenant,
  zUpdateEmail,
  zValidateTokenResponse,
} from './generated/zod.gen';

/**
 * Rebuilds a schema so that every object in it keeps unknown keys instead of stripping them.
 * The static type stays the generated one: known fields are typed, extra keys ride along at runtime
 * (TypeScript object types are open). Container checks are not carried over; the generated arrays
 * and objects have none.
 */
function keepUnknownKeys<T extends z.ZodMiniType>(schema: T): T {
  return rebuild(schema) as T;
}

function rebuild(schema: z.core.$ZodType): z.core.$ZodType {
  const def = (schema as z.core.$ZodTypes)._zod.def;
  switch (def.type) {
    case 'object':
      return z.looseObject(Object.fromEntries(Object.entries(def.shape).map(([key, value]) => [key, rebuild(value)])));
    case 'optional':
      return z.optional(rebuild(def.innerType));
    case 'nullable':
      return z.nullable(rebuild(def.innerType));
    case 'array':
      return z.array(rebuild(def.element));
    case 'union':
      return z.union(def.options.map(rebuild));
    default:
      return schema;
  }
}

/**
 * Runs `build` once, at load. Marked pure where it is called, so a bundler drops the schema when an app does
 * not use it: a pure call is dropped only when its arguments have no side effects, and a function has none.
 */
function schema<T>(build: () => T): T {
  return build();
}

/** A lifetime in seconds: any number, or what the spec's `Seconds` allows (a numeric string). Parsed to a number. */
const secondsSchema = /* @__PURE__ */ schema(() => z.pipe(z.union([z.number(), zSeconds]), z.transform(Number)));

// ---------------------------------------------------------------------------------------------------
// Responses (tolerant)

/** The profile from GET /me (also the "Anonymous" placeholder profile an anonymous token gets). */
export const customerSchema = /* @__PURE__ */ keepUnknownKeys(zCustomer);
/** An address as embedded in the profile (`addresses`, `defaultAddress`). */
export const addressSchema = /* @__PURE__ */ keepUnknownKeys(zAddress);
/** An address as the address endpoints answer it. */
export const addressDtoSchema = /* @__PURE__ */ keepUnknownKeys(zAddressDto);
/** The address book (GET /me/addresses). */
export const addressListSchema = /* @__PURE__ */ schema(() => z.array(addressDtoSchema));
/** `{ id }` of a created customer (signup) or address. */
export const resourceLocationSchema = /* @__PURE__ */ keepUnknownKeys(zResourceLocation);
/** Details of a valid customer token (validateauthtoken). */
export const validateTokenResponseSchema = /* @__PURE__ */ schema(() =>
  keepUnknownKeys(
    z.extend(zValidateTokenResponse, {
      /** Seconds until the token expires; a numeric string from the API is read as a number. */
      expires_in: z.optional(secondsSchema),
    }),
  ),
);
/** Body of a 400/403/404/409. */
export const errorMessageSchema = /* @__PURE__ */ keepUnknownKeys(zErrorMessage);
/** Body of a 401 from the API gateway (`fault.detail.errorcode`). */
export const gatewayFaultSchema = /* @__PURE__ */ keepUnknownKeys(zGatewayFault);

/** The lifetime fields, tolerant, shared by both token envelopes. */
const tolerantLifetimes = () => ({
  expires_in: z.optional(secondsSchema),
  expiresIn: z.optional(secondsSchema),
  refresh_token_expires_in: z.optional(secondsSchema),
  refreshTokenExpiresIn: z.optional(secondsSchema),
});

/** Deprecated camelCase names a token response may still use. */
const deprecatedTokenFields = () => ({
  accessToken: zRefreshCustomerToken.shape.accessToken,
  refreshToken: zRefreshCustomerToken.shape.refreshToken,
});

// The two token envelopes strip unknown keys: they only feed the normalisers, which read known fields.
// An anonymous answer therefore never yields customer fields such as a SaaS token.

/** An anonymous token response (anonymous login / refresh). */
export const anonymousTokenSchema = /* @__PURE__ */ schema(() =>
  z.object({
    ...zAnonymousAccessToken.shape,
    ...deprecatedTokenFields(),
    session_id: zCustomerToken.shape.session_id,
    ...tolerantLifetimes(),
  }),
);

/**
 * Any customer token response: login, opt-in confirmation, refresh, token exchange, social login.
 * CustomerToken already holds the refresh fields; the exchange answer adds `scope`.
 */
export const customerTokenSchema = /* @__PURE__ */ schema(() =>
  z.object({
    ...zCustomerToken.shape,
    scope: zExchangeAuthTokenResponse.shape.scope,
    sessionId: zAnonymousAccessToken.shape.sessionId,
    ...tolerantLifetimes(),
  }),
);

// ---------------------------------------------------------------------------------------------------
// Token normalisation

/** A token response reduced to what the session needs, whichever field names the API used. */
export interface NormalizedToken {
  /** The access token, sent as the bearer of the requests that need it. */
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  /** The token that renews the access token, when the answer carried one. */
  refreshToken?: string;
  /** Seconds until the refresh token expires. */
  refreshTokenExpiresIn?: number;
  /** JWT other Emporix services take in a `saas-token` header (customer tokens only). */
  saasToken?: string;
  /** The session id (carts hang off it), read from `session_id` or `sessionId`, when the answer had one. */
  sessionId?: string;
  /** The token type the API names, usually `Bearer`. */
  tokenType?: string;
  /** The scopes granted to the token, as the API lists them, when it lists them. */
  scope?: string;
  /** True when the customer still uses a password an employee set. */
  initialPassword?: boolean;
}

/**
 * Thrown when a token response cannot be used. The message names fields only, never their values,
 * because the input holds live tokens.
 */
export class InvalidTokenResponseError extends Error {
  /** Always `'InvalidTokenResponseError'`, to tell it apart in logs. */
  override readonly name = 'InvalidTokenResponseError';
  /**
   * @param fields - The paths of the fields that were missing or unusable (e.g. `access_token`), never their values.
   */
  constructor(readonly fields: readonly string[]) {
    super(`Unusable token response (${fields.join(', ')}).`);
  }
}

type TokenFields = Partial<z.output<typeof customerTokenSchema>>;

function normalize(schema: z.ZodMiniType<TokenFields>, raw: unknown): NormalizedToken {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new InvalidTokenResponseError(parsed.error.issues.map((issue) => issue.path.join('.') || '(body)'));
  }
  const t = parsed.data;
  const accessToken = t.access_token ?? t.accessToken;
  const expiresIn = t.expires_in ?? t.expiresIn;
  if (!accessToken) throw new InvalidTokenResponseError(['access_token']);
  // Without a lifetime the session could not schedule a refresh; a guess would be invented data.
  if (expiresIn === undefined) throw new InvalidTokenResponseError(['expires_in']);
  return {
    accessToken,
    expiresIn,
    refreshToken: t.refresh_token ?? t.refreshToken,
    refreshTokenExpiresIn: t.refresh_token_expires_in ?? t.refreshTokenExpiresIn,
    saasToken: t.saas_token ?? t.saasToken,
    sessionId: t.session_id ?? t.sessionId,
    tokenType: t.token_type,
    scope: t.scope,
    initialPassword: toFlag(t.initialPassword),
  };
}

/** `initialPassword` comes as a boolean or as 'true' / 'false'. */
function toFlag(value: string | boolean | undefined): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/** Reads an anonymous login / refresh response. Throws `InvalidTokenResponseError` if it has no usable token. */
export function normalizeAnonymousToken(raw: unknown): NormalizedToken {
  return normalize(anonymousTokenSchema, raw);
}

/** Reads any customer token response (snake_case first, deprecated camelCase as fallback). Throws like above. */
export function normalizeCustomerToken(raw: unknown): NormalizedToken {
  return normalize(customerTokenSchema, raw);
}

// ---------------------------------------------------------------------------------------------------
// Requests (as generated: unknown keys stripped, no defaults). Forms derive from these with z.pick/z.extend.

/** Body of a login (`POST …/login`): an `email` and a `password` of at least 6 characters. */
export const passwordAuthenticationSchema = zPasswordAuthentication;
/**
 * Body of a sign-up (`POST …/signup`): the login `email` and `password`, optionally the profile (`customerDetails`)
 * and a first address (`customerAddress`).
 */
export const customerSignupSchema = zCustomerSignup;
/**
 * Body of a profile update (`PATCH …/me`): send only the fields to change. A `contactEmail` cannot be removed once it
 * is set.
 */
export const customerPatchSchema = zCustomerPatchDto;
/**
 * Body of a new address (`POST …/me/addresses`). Every field is optional in this model; the address form also
 * requires `contactName`, as the stored `Address` does.
 */
export const addressCreateSchema = zAddressCreateDto;
/**
 * Body of an address update (`PATCH …/me/addresses/{id}`): the fields to change, and `isDefault: true` to make it the
 * default address.
 */
export const addressUpdateSchema = zAddressUpdateDto;
/** Body of a password change by the logged-in customer: `currentPassword` and `newPassword`. */
export const passwordChangeSchema = zPasswordChangeDto;
/**
 * Body of a password reset request: the `email` to mail a reset token to, and optionally the `site` the request came
 * from.
 */
export const passwordResetRequestSchema = zPasswordResetRequestDto;
/** Body that completes a password reset: the mailed `token` and the new `password`. */
export const passwordUpdateSchema = zPasswordUpdate;
/**
 * Body of a login-email change request: the current `email` and `password`, the `newEmail`, and `syncContactEmail` to
 * move the contact email along.
 */
export const changeEmailRequestSchema = zChangeEmailRequestDto;
/** Body that confirms a login-email change: the `token` mailed to the new address. */
export const updateEmailSchema = zUpdateEmail;
/** Body of the "send the activation mail again" request (the spec's RefreshToken model). */
export const resendActivationSchema = zRefreshToken;
/** A tenant name: lowercase, starts with a letter, 3–16 letters and digits. */
export const tenantSchema = zTenant;

// ---------------------------------------------------------------------------------------------------
// Types

/**
 * A customer profile as `GET …/me` answers it; fields the API adds later are kept. With an anonymous token it is a
 * placeholder profile, so check the session before treating it as a customer.
 */
export type Customer = z.infer<typeof customerSchema>;
/** An address as a profile embeds it (`addresses`, `defaultAddress`); `contactName` is its one required field. */
export type Address = z.infer<typeof addressSchema>;
/** An address as the address endpoints answer it, with its `id` and its `isDefault` flag. */
export type AddressDto = z.infer<typeof addressDtoSchema>;
/**
 * One login account of a customer: `id` is the login email; `providerId` is the identity provider's id of an account
 * made through social login.
 */
export type AccountId = z.infer<typeof zAccountId>;
/** The business part of a profile: the `companyRegistrationId` and the `legalEntities` the customer may act for. */
export type B2BGet = z.infer<typeof zB2bGet>;
/**
 * One legal entity (company) a B2B customer may act for: `id`, `name`, `contactAssignmentId`. Pass its `id` as
 * `legalEntityId` to `useSwitchLegalEntity`.
 */
export type LegalEntity = NonNullable<B2BGet['legalEntities']>[number];
/** The `metadata` of a profile or address: its `version` (optimistic locking) and `mixins`. */
export type Metadata = z.infer<typeof zDefaultDtoMetadata>;
/** What a create answers: `{ id }` of the new customer or address. */
export type ResourceLocation = z.infer<typeof resourceLocationSchema>;
/**
 * What `validateToken` reports about the customer token: type, seconds left, scope, session id, login email and legal
 * entity.
 */
export type ValidateTokenResponse = z.infer<typeof validateTokenResponseSchema>;
/**
 * The error body the API sends with a 400, 403, 404 or 409: `status`, `type`, `message` and per-field `details`. The
 * client reads it into an `EmporixError`.
 */
export type ErrorMessage = z.infer<typeof errorMessageSchema>;
/** The body of a 401 from the API gateway; its `fault.detail.errorcode` becomes `EmporixError.code`. */
export type GatewayFault = z.infer<typeof gatewayFaultSchema>;
/** Wire shapes of the token responses, as the spec describes them (read them through the normalizers). */
export type AnonymousAccessToken = z.infer<typeof zAnonymousAccessToken>;
/** Wire shape of a customer token answer (login, opt-in confirmation), SaaS token included. */
export type CustomerToken = z.infer<typeof zCustomerToken>;
/** Wire shape of a customer token refresh answer; it carries no SaaS token. */
export type RefreshCustomerToken = z.infer<typeof zRefreshCustomerToken>;
/** Wire shape of the token exchange answer. It echoes the subject token: never log it. */
export type ExchangeAuthTokenResponse = z.infer<typeof zExchangeAuthTokenResponse>;
/** Wire shape of the social login answer; its lifetimes may come as numeric strings. */
export type SocialLoginResponse = z.infer<typeof zSocialLoginResponse>;

/** The login body: `email` and `password` (see `passwordAuthenticationSchema`). */
export type PasswordAuthentication = z.infer<typeof passwordAuthenticationSchema>;
/** The sign-up body (see `customerSignupSchema`). */
export type CustomerSignup = z.infer<typeof customerSignupSchema>;
/** The profile update body: only the fields to change (see `customerPatchSchema`). */
export type CustomerPatch = z.infer<typeof customerPatchSchema>;
/** The body of a new address (see `addressCreateSchema`). */
export type AddressCreate = z.infer<typeof addressCreateSchema>;
/** The body of an address update, `isDefault` included (see `addressUpdateSchema`). */
export type AddressUpdate = z.infer<typeof addressUpdateSchema>;
/** The password change body: `currentPassword` and `newPassword`. */
export type PasswordChange = z.infer<typeof passwordChangeSchema>;
/** The password reset request body: `email`, optionally `site`. */
export type PasswordResetRequest = z.infer<typeof passwordResetRequestSchema>;
/** The body that completes a password reset: mailed `token` and new `password`. */
export type PasswordUpdate = z.infer<typeof passwordUpdateSchema>;
/** The login-email change request body (see `changeEmailRequestSchema`). */
export type ChangeEmailRequest = z.infer<typeof changeEmailRequestSchema>;
/** The body that confirms a login-email change: the mailed `token`. */
export type UpdateEmail = z.infer<typeof updateEmailSchema>;
/** The body that asks for the activation mail again: `{ email }`. */
export type ResendActivation = z.infer<typeof resendActivationSchema>;
