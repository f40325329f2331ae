/** Tokens: anonymous login/refresh, customer login/logout/refresh/validate, exchange, social login. */
import { randomUuid } from '../random';
import { detail, refuse } from '../refusal';
import {
  anonymousTokenResponse,
  exchangeTokenResponse,
  loginResponse,
  noContentResponse,
  refreshCustomerTokenResponse,
  socialLoginResponse,
  validateTokenResponse,
} from '../responses';
import { parseLogin } from '../validation';
import type { OperationContext, OperationSpec } from './operation';

/** Query parameter that must be present, else 400 with a `missing_value` detail. */
export function requiredQuery(ctx: OperationContext, name: string): string {
  const value = ctx.query(name);
  if (value === undefined) throw refuse.validation([detail.missing(name)]);
  return value;
}

/** Anonymous endpoints name the tenant and the API key in the query. */
function checkTenantAndClient(ctx: OperationContext): void {
  const { tenant, clientId } = ctx.runtime.config;
  if (ctx.query('tenant') !== tenant) throw refuse.unknownTenant();
  if (ctx.query('client_id') !== clientId) throw refuse.invalidApiKey();
}

const BASE = '/customer/:tenant';

export const sessionOperations: OperationSpec[] = [
  {
    name: 'anonymousLogin',
    method: 'GET',
    path: '/customerlogin/auth/anonymous/login',
    access: 'none',
    run(ctx) {
      checkTenantAndClient(ctx);
      const issued = ctx.runtime.tokens.issueAnonymous(randomUuid());
      return anonymousTokenResponse(issued, ctx.runtime.config.tenant);
    },
  },
  {
    name: 'anonymousRefresh',
    method: 'GET',
    path: '/customerlogin/auth/anonymous/refresh',
    access: 'none',
    run(ctx) {
      checkTenantAndClient(ctx);
      const rotate = ctx.runtime.undocumented.anonymousRefresh === 'rotatesRefreshToken';
      const issued = ctx.runtime.tokens.refreshAnonymous(requiredQuery(ctx, 'refresh_token'), rotate);
      return anonymousTokenResponse(issued, ctx.runtime.config.tenant);
    },
  },
  {
    name: 'login',
    method: 'POST',
    path: `${BASE}/login`,
    access: 'anonymous',
    async run(ctx) {
      const { email, password } = parseLogin(await ctx.json());
      const { state, tokens } = ctx.runtime;
      const customer = state.authenticate(email, password);
      state.recordLogin(customer);
      const sessionId = ctx.anonymous().sessionId;
      return loginResponse(tokens.issueCustomer({ customerId: customer.id, sessionId, withSaasToken: true }));
    },
  },
  {
    name: 'logout',
    method: 'GET',
    path: `${BASE}/logout`,
    access: 'customer',
    run(ctx) {
      const accessToken = requiredQuery(ctx, 'accessToken');
      const lookup = ctx.runtime.tokens.lookupAccess(accessToken);
      // Only the caller's own tokens can be logged out.
      if (lookup.status !== 'unknown' && lookup.record.customerId === ctx.customer().id) {
        ctx.runtime.tokens.endGrantOf(accessToken);
      }
      return noContentResponse();
    },
  },
  {
    name: 'refreshCustomerToken',
    method: 'GET',
    path: `${BASE}/refreshauthtoken`,
    access: 'anonymous',
    run(ctx) {
      const { state, tokens } = ctx.runtime;
      const refresh = tokens.liveRefresh(requiredQuery(ctx, 'refreshToken'), 'customer');
      const customer = state.byId(refresh.customerId);
      if (!customer) throw refuse.refreshRefused();
      const legalEntityId = ctx.query('legalEntityId');
      if (legalEntityId !== undefined) state.legalEntity(customer, legalEntityId);
      return refreshCustomerTokenResponse(tokens.rotateCustomer(refresh, legalEntityId));
    },
  },
  {
    name: 'validateToken',
    method: 'GET',
    path: `${BASE}/validateauthtoken`,
    access: 'customer',
    run(ctx) {
      if (ctx.caller.kind !== 'customer') throw refuse.forbidden();
      const { token, customer } = ctx.caller;
      return validateTokenResponse({
        remainingSeconds: ctx.runtime.tokens.remainingSeconds(token),
        sessionId: token.sessionId,
        email: customer.loginEmail,
        ...(token.legalEntityId ? { legalEntityId: token.legalEntityId } : {}),
        tenant: ctx.runtime.config.tenant,
      });
    },
  },
  {
    name: 'exchangeToken',
    method: 'POST',
    path: `${BASE}/exchangeauthtoken`,
    access: 'anonymous',
    run(ctx) {
      const { state, tokens, config } = ctx.runtime;
      const subjectToken = requiredQuery(ctx, 'subjectAccessToken');
      const configName = ctx.query('config');
      if (configName !== undefined && !config.exchangeConfigs.includes(configName))
        throw refuse.unknownExchangeConfig(configName);
      const customer = state.resolveSubjectToken(subjectToken);
      state.recordLogin(customer);
      const issued = tokens.issueCustomer({ customerId: customer.id, sessionId: ctx.anonymous().sessionId, withSaasToken: true });
      return exchangeTokenResponse(issued, subjectToken, config.tenant);
    },
  },
  {
    name: 'socialLogin',
    method: 'POST',
    path: `${BASE}/socialLogin`,
    access: 'anonymous',
    async run(ctx) {
      const { state, tokens, config } = ctx.runtime;
      const missing = ['code', 'redirect_uri'].filter((name) => ctx.query(name) === undefined);
      if (missing.length > 0) throw refuse.validation(missing.map(detail.missing));
      const customer = await state.redeemSocialCode(
        ctx.query('code') as string,
        ctx.query('redirect_uri') as string,
        ctx.query('code_verifier'),
      );
      state.recordLogin(customer);
      const sessionId = ctx.request.headers.get('session-id')?.trim() || ctx.anonymous().sessionId;
      const issued = tokens.issueCustomer({ customerId: customer.id, sessionId, withSaasToken: true });
      return socialLoginResponse(issued, config.tenant);
    },
  },
];
