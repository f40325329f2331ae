/** The signed-in customer's address book (`/me/addresses`). */
import { addTags, createAddress, deleteAddress, findAddress, removeTags, updateAddress } from '../address-book';
import { detail, refuse } from '../refusal';
import {
  addressListResponse,
  addressResponse,
  createdResponse,
  noContentResponse,
  okWithoutBodyResponse,
} from '../responses';
import { parseAddress } from '../validation';
import { withoutVersionWhenIgnored, type OperationContext, type OperationSpec } from './operation';

const ADDRESSES = '/customer/:tenant/me/addresses';
const ADDRESS = `${ADDRESSES}/:addressId`;

function addressId(ctx: OperationContext): string {
  return ctx.params.addressId ?? '';
}

/** `?tags=BILLING,SHIPPING` → ['BILLING', 'SHIPPING']; 400 when none. */
function tagsQuery(ctx: OperationContext): string[] {
  const tags = (ctx.query('tags') ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  if (tags.length === 0) throw refuse.validation([detail.missing('tags')]);
  return tags;
}

export const addressOperations: OperationSpec[] = [
  {
    name: 'listAddresses',
    method: 'GET',
    path: ADDRESSES,
    access: 'customer',
    run: (ctx) => addressListResponse(ctx.customer().addresses),
  },
  {
    name: 'getAddress',
    method: 'GET',
    path: ADDRESS,
    access: 'customer',
    run: (ctx) => addressResponse(findAddress(ctx.customer(), addressId(ctx))),
  },
  {
    name: 'createAddress',
    method: 'POST',
    path: ADDRESSES,
    access: 'customer',
    async run(ctx) {
      const address = createAddress(ctx.customer(), parseAddress(await ctx.json(), false));
      return createdResponse(address.id);
    },
  },
  {
    name: 'updateAddress',
    method: 'PATCH',
    path: ADDRESS,
    access: 'customer',
    async run(ctx) {
      const customer = ctx.customer();
      findAddress(customer, addressId(ctx));
      updateAddress(customer, addressId(ctx), withoutVersionWhenIgnored(ctx, parseAddress(await ctx.json(), true)));
      return okWithoutBodyResponse();
    },
  },
  {
    name: 'deleteAddress',
    method: 'DELETE',
    path: ADDRESS,
    access: 'customer',
    run(ctx) {
      deleteAddress(ctx.customer(), addressId(ctx));
      return noContentResponse();
    },
  },
  {
    name: 'addAddressTags',
    method: 'POST',
    path: `${ADDRESS}/tags`,
    access: 'customer',
    run(ctx) {
      const customer = ctx.customer();
      findAddress(customer, addressId(ctx));
      addTags(customer, addressId(ctx), tagsQuery(ctx));
      return noContentResponse();
    },
  },
  {
    name: 'removeAddressTags',
    method: 'DELETE',
    path: `${ADDRESS}/tags`,
    access: 'customer',
    run(ctx) {
      const customer = ctx.customer();
      findAddress(customer, addressId(ctx));
      removeTags(customer, addressId(ctx), tagsQuery(ctx));
      return noContentResponse();
    },
  },
];
