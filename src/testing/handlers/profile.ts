/** The signed-in customer's profile (`/me`). */
import { anonymousProfileResponse, customerProfileResponse, okWithoutBodyResponse } from '../responses';
import { parseProfilePatch } from '../validation';
import { withoutVersionWhenIgnored, type OperationContext, type OperationSpec } from './operation';

const BASE = '/customer/:tenant';

function expandsAddresses(ctx: OperationContext): boolean {
  return (ctx.query('expand') ?? '').split(',').some((part) => part.trim() === 'addresses');
}

export const profileOperations: OperationSpec[] = [
  {
    name: 'getCustomer',
    method: 'GET',
    path: `${BASE}/me`,
    access: 'either',
    run(ctx) {
      const expand = expandsAddresses(ctx);
      if (ctx.caller.kind === 'customer') return customerProfileResponse(ctx.caller.customer, expand);
      return anonymousProfileResponse(expand);
    },
  },
  {
    name: 'updateCustomer',
    method: 'PATCH',
    path: `${BASE}/me`,
    access: 'customer',
    async run(ctx) {
      ctx.runtime.state.updateProfile(ctx.customer(), withoutVersionWhenIgnored(ctx, parseProfilePatch(await ctx.json())));
      return okWithoutBodyResponse();
    },
  },
];
