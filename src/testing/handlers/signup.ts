/** Account creation and double opt-in. */
import { acceptedResponse, confirmSignupResponse, createdResponse } from '../responses';
import { parseEmailOnly, parseSignup } from '../validation';
import type { OperationSpec } from './operation';

const BASE = '/customer/:tenant';

/** The opt-in token is part of the path; keep it out of the request log. */
const redactOptInToken = (pathname: string) => pathname.replace(/\/signup\/optin\/[^/]+$/, '/signup/optin/[redacted]');

export const signupOperations: OperationSpec[] = [
  {
    name: 'signup',
    method: 'POST',
    path: `${BASE}/signup`,
    access: 'anonymous',
    async run(ctx) {
      const input = parseSignup(await ctx.json());
      const customer = ctx.runtime.state.signup(input, ctx.runtime.activation);
      return createdResponse(customer.id);
    },
  },
  {
    name: 'confirmSignup',
    method: 'GET',
    path: `${BASE}/signup/optin/:token`,
    access: 'anonymous',
    redactPath: redactOptInToken,
    run(ctx) {
      const { state, tokens } = ctx.runtime;
      const customer = state.confirmActivation(ctx.params.token ?? '');
      state.recordLogin(customer);
      const sessionId = ctx.anonymous().sessionId;
      return confirmSignupResponse(tokens.issueCustomer({ customerId: customer.id, sessionId, withSaasToken: true }));
    },
  },
  {
    name: 'resendActivation',
    method: 'POST',
    path: `${BASE}/signup/optin/refresh_token`,
    access: 'anonymous',
    async run(ctx) {
      const { email } = parseEmailOnly(await ctx.json());
      ctx.runtime.state.resendActivation(email);
      return acceptedResponse();
    },
  },
];
