/** The address book of the logged-in customer: list, read, add, change, delete, tag. */
import type { Call } from './bound-call';
import { parseAddress, parseAddressList, parseResourceLocation } from './parse';
import type { AddressCreate, AddressDto, AddressUpdate } from './schemas';
import { joinList, type RequestOptions } from './request-options';

export function addressOperations(call: Call) {
  return {
    /** The logged-in customer's addresses (`GET …/me/addresses`), in the order the API lists them. */
    async listAddresses(options?: RequestOptions): Promise<AddressDto[]> {
      return parseAddressList(await call('listAddresses', { signal: options?.signal }), 'listAddresses');
    },

    /** One address of the logged-in customer by id; an unknown id is a 404 `EmporixError`. */
    async getAddress(id: string, options?: RequestOptions): Promise<AddressDto> {
      return parseAddress(await call('getAddress', { params: { id }, signal: options?.signal }), 'getAddress');
    },

    /** Adds an address; the API answers only its id. */
    async createAddress(body: AddressCreate): Promise<{ id: string }> {
      return parseResourceLocation(await call('createAddress', { body }), 'createAddress');
    },

    /** Changes an address: send only the fields to change, or `isDefault: true` to make it the default address. */
    async updateAddress(id: string, patch: AddressUpdate): Promise<void> {
      await call('updateAddress', { params: { id }, body: patch });
    },

    /** Deletes an address from the logged-in customer's address book. */
    async deleteAddress(id: string): Promise<void> {
      await call('deleteAddress', { params: { id } });
    },

    /** Adds tags (e.g. `BILLING`, `SHIPPING`) to an address. */
    async addAddressTags(id: string, tags: readonly string[]): Promise<void> {
      await call('addAddressTags', { params: { id }, query: { tags: joinList(tags) } });
    },

    /** Removes tags from an address. */
    async removeAddressTags(id: string, tags: readonly string[]): Promise<void> {
      await call('removeAddressTags', { params: { id }, query: { tags: joinList(tags) } });
    },
  };
}
