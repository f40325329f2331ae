/**
 * Every response body the simulator sends is built here: error bodies, injected faults, and one
 * builder per operation's success answer (the operation names are in each builder's comment).
 */
import { HttpResponse } from 'msw';
import { ANONYMOUS_CUSTOMER_ID, CUSTOMER_SCOPES, SESSION_IDLE_TIME } from './constants';
import { fakeJwt, randomToken } from './random';
import { ADDRESS_FIELDS, type AddressRecord, type CustomerRecord } from './records';
import type { Refusal } from './refusal';
import type { IssuedTokens } from './token-store';
import type { SimulatorFault, SimulatorUndocumented } from './types';

// ---- errors ----------------------------------------------------------------------------------

/**
 * 400/403/404/409 → ErrorMessage `{status,type,message,details?}`; 401 → gateway `{fault}`, or (where the
 * settings for undocumented answers say so) a bare sentence or nothing.
 */
export function refusalResponse(refusal: Refusal, settings: SimulatorUndocumented): Response {
  const body = refusal.body(settings);
  switch (body.kind) {
    case 'fault':
      return HttpResponse.json(
        { fault: { faultstring: body.faultstring, detail: { errorcode: body.errorcode } } },
        { status: body.status },
      );
    case 'text':
      return HttpResponse.text(body.text, { status: body.status });
    case 'empty':
      return new HttpResponse(null, { status: body.status });
    case 'errorMessage': {
      const { status, type, message, details } = body;
      return HttpResponse.json({ status, type, message, ...(details ? { details } : {}) }, { status });
    }
  }
}

const FAULT_TYPES: Record<number, string> = {
  429: 'too_many_requests',
  500: 'internal_server_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
};

/** A response for `failNext({ with })`. */
export function injectedFaultResponse(fault: SimulatorFault): Response {
  switch (fault) {
    case 'network':
      return HttpResponse.error();
    case 'malformed':
      return new HttpResponse('{not json', { status: 200, headers: { 'Content-Type': 'application/json' } });
    case 'empty401':
      return new HttpResponse(null, { status: 401 });
    case 'html401':
      return HttpResponse.html('<html><body><h1>401 Authorization Required</h1></body></html>', { status: 401 });
    default: {
      const headers: Record<string, string> = fault === 429 ? { 'Retry-After': '1' } : {};
      const body = { status: fault, type: FAULT_TYPES[fault], message: `Simulated ${fault} response.` };
      return HttpResponse.json(body, { status: fault, headers });
    }
  }
}

// ---- answers without a body --------------------------------------------------------------------

/** logout, deleteAddress, addAddressTags, removeAddressTags, changePassword, requestPasswordReset,
 *  resetPassword, requestEmailChange, confirmEmailChange. */
export function noContentResponse(): Response {
  return new HttpResponse(null, { status: 204 });
}

/** resendActivation. */
export function acceptedResponse(): Response {
  return new HttpResponse(null, { status: 202 });
}

/**
 * updateCustomer, updateAddress: 200 with no body, as the reference documents them — clients must
 * re-read the resource rather than expect the updated one back.
 */
export function okWithoutBodyResponse(): Response {
  return new HttpResponse(null, { status: 200 });
}

/** signup, createAddress: 201 ResourceLocation. */
export function createdResponse(id: string): Response {
  return HttpResponse.json({ id }, { status: 201 });
}

// ---- tokens ----------------------------------------------------------------------------------

function customerScope(tenant: string): string {
  return [...CUSTOMER_SCOPES, `tenant=${tenant}`].join(' ');
}

/** anonymousLogin, anonymousRefresh: AnonymousAccessToken (+ refresh token fields the API sends). */
export function anonymousTokenResponse(issued: IssuedTokens, tenant: string): Response {
  return HttpResponse.json({
    token_type: 'Bearer',
    access_token: issued.accessToken,
    expires_in: issued.expiresIn,
    refresh_token: issued.refreshToken,
    refresh_token_expires_in: issued.refreshExpiresIn,
    sessionId: issued.sessionId,
    scope: `tenant=${tenant}`,
  });
}

function customerTokenBody(issued: IssuedTokens) {
  return {
    access_token: issued.accessToken,
    saas_token: issued.saasToken,
    expires_in: issued.expiresIn,
    refresh_token: issued.refreshToken,
    refresh_token_expires_in: issued.refreshExpiresIn,
    token_type: 'Bearer',
    session_id: issued.sessionId,
  };
}

/** login: CustomerToken. */
export function loginResponse(issued: IssuedTokens): Response {
  return HttpResponse.json({ ...customerTokenBody(issued), initialPassword: false });
}

/** confirmSignup: CustomerToken (the customer is logged in). */
export function confirmSignupResponse(issued: IssuedTokens): Response {
  return HttpResponse.json(customerTokenBody(issued));
}

/** refreshCustomerToken: RefreshCustomerToken — no saas_token. */
export function refreshCustomerTokenResponse(issued: IssuedTokens): Response {
  return HttpResponse.json({
    access_token: issued.accessToken,
    expires_in: issued.expiresIn,
    refresh_token: issued.refreshToken,
    refresh_token_expires_in: issued.refreshExpiresIn,
    token_type: 'Bearer',
    session_id: issued.sessionId,
  });
}

/** validateToken: ValidateTokenResponse with the remaining lifetime. */
export function validateTokenResponse(input: {
  remainingSeconds: number;
  sessionId: string;
  email: string;
  legalEntityId?: string;
  tenant: string;
}): Response {
  return HttpResponse.json({
    token_type: 'Bearer',
    expires_in: input.remainingSeconds,
    scope: customerScope(input.tenant),
    sessionId: input.sessionId,
    email: input.email,
    ...(input.legalEntityId ? { legalEntityId: input.legalEntityId } : {}),
  });
}

/** exchangeToken: ExchangeAuthTokenResponse, echoing the subject token. */
export function exchangeTokenResponse(issued: IssuedTokens, subjectAccessToken: string, tenant: string): Response {
  return HttpResponse.json({
    subject_access_token: subjectAccessToken,
    access_token: issued.accessToken,
    saas_token: issued.saasToken,
    refresh_token: issued.refreshToken,
    refresh_token_expires_in: issued.refreshExpiresIn,
    session_idle_time: SESSION_IDLE_TIME,
    token_type: 'Bearer',
    expires_in: issued.expiresIn,
    scope: customerScope(tenant),
    session_id: issued.sessionId,
  });
}

/** socialLogin: lifetimes as strings and no session id, as the real endpoint answers. */
export function socialLoginResponse(issued: IssuedTokens, tenant: string): Response {
  return HttpResponse.json({
    social_access_token: randomToken(32),
    social_id_token: fakeJwt({ iss: 'emporix-simulator-idp', nonce: randomToken(12) }),
    refresh_token: issued.refreshToken,
    refresh_token_expires_in: String(issued.refreshExpiresIn),
    session_idle_time: SESSION_IDLE_TIME,
    token_type: 'Bearer',
    access_token: issued.accessToken,
    saas_token: issued.saasToken,
    expires_in: String(issued.expiresIn),
    scope: customerScope(tenant),
  });
}

// ---- profile and addresses -------------------------------------------------------------------

function addressBody(address: AddressRecord) {
  const fields: Record<string, string> = {};
  for (const field of ADDRESS_FIELDS) {
    const value = address[field];
    if (value !== undefined) fields[field] = value;
  }
  return {
    id: address.id,
    ...fields,
    isDefault: address.isDefault,
    tags: [...address.tags],
    mixins: structuredClone(address.mixins),
    metadata: { mixins: {}, version: address.version },
  };
}

function b2bBody(customer: CustomerRecord) {
  if (!customer.b2b && customer.legalEntities.length === 0) return {};
  return { b2b: { ...customer.b2b, legalEntities: structuredClone(customer.legalEntities) } };
}

/** getCustomer (customer token): Customer, with `addresses` when expanded. */
export function customerProfileResponse(customer: CustomerRecord, expandAddresses: boolean): Response {
  return HttpResponse.json({
    id: customer.id,
    customerNumber: customer.customerNumber,
    ...customer.profile,
    accounts: [{ id: customer.loginEmail, ...(customer.providerId ? { providerId: customer.providerId } : {}) }],
    businessModel: customer.legalEntities.length > 0 ? 'B2B' : 'B2C',
    ...b2bBody(customer),
    mixins: structuredClone(customer.mixins),
    metadata: { mixins: {}, version: customer.version },
    ...(customer.lastLogin ? { lastLogin: customer.lastLogin } : {}),
    ...(expandAddresses ? { addresses: customer.addresses.map(addressBody) } : {}),
  });
}

/** getCustomer (anonymous token): the placeholder "Anonymous" profile. */
export function anonymousProfileResponse(expandAddresses: boolean): Response {
  return HttpResponse.json({
    id: ANONYMOUS_CUSTOMER_ID,
    customerNumber: ANONYMOUS_CUSTOMER_ID,
    firstName: 'Anonymous',
    lastName: 'Anonymous',
    preferredSite: 'default',
    accounts: [],
    ...(expandAddresses ? { addresses: [] } : {}),
  });
}

/** listAddresses: AddressDto[] in creation order. */
export function addressListResponse(addresses: AddressRecord[]): Response {
  return HttpResponse.json(addresses.map(addressBody));
}

/** getAddress: AddressDto. */
export function addressResponse(address: AddressRecord): Response {
  return HttpResponse.json(addressBody(address));
}
