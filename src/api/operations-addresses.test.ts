/**
 * The address book operations against the simulator: what each sends (method, path, query, body,
 * the customer token) and what the caller gets back.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { CustomerClient } from './client';
import { queryNames, sentTo, simulatorDefaults, setupTenant } from '../../test/fault-matrix/support';

const setup = setupTenant();
const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };
const addresses = () => `/customer/${setup.sim().tenant}/me/addresses`;
const lastRequest = () => setup.sim().requests.at(-1);
const home = { contactName: 'Jane Doe', street: 'Hauptstraße', streetNumber: '1', zipCode: '20095', city: 'Hamburg', country: 'DE' };

let client: CustomerClient;
let existingId: string;
beforeEach(async () => {
  client = setup.client();
  await client.login(jane);
  existingId = setup.sim().getCustomer(jane.email)?.addresses[0]?.id ?? '';
});

describe('address book', () => {
  it('listAddresses: GET me/addresses with the customer bearer; the seeded address', async () => {
    const list = await client.listAddresses();
    expect(queryNames(sentTo(setup, 'GET', addresses())[0])).toEqual([]);
    expect(lastRequest()).toMatchObject({ operation: 'listAddresses', auth: 'customer' });
    expect(list).toEqual([expect.objectContaining({ id: existingId, isDefault: true, tags: ['BILLING', 'SHIPPING'] })]);
  });

  it('getAddress: GET me/addresses/{id}', async () => {
    const address = await client.getAddress(existingId);
    expect(sentTo(setup, 'GET', `${addresses()}/${existingId}`)).toHaveLength(1);
    expect(lastRequest()).toMatchObject({ operation: 'getAddress', auth: 'customer' });
    expect(address).toMatchObject({ id: existingId, contactName: 'Jane Doe', metadata: { version: 1 } });
  });

  it('createAddress: POST me/addresses with the address as JSON; answers its id', async () => {
    const { id } = await client.createAddress(home);
    const [sent] = sentTo(setup, 'POST', addresses());
    expect(sent?.body).toEqual(home);
    expect(lastRequest()).toMatchObject({ auth: 'customer', status: 201 });
    await expect(client.getAddress(id)).resolves.toMatchObject({ ...home, isDefault: false });
  });

  it('updateAddress: PATCH me/addresses/{id} with the patch; the version goes up', async () => {
    await client.updateAddress(existingId, { city: 'Potsdam', metadata: { version: 1 } });
    const [sent] = sentTo(setup, 'PATCH', `${addresses()}/${existingId}`);
    expect(sent?.body).toEqual({ city: 'Potsdam', metadata: { version: 1 } });
    expect(lastRequest()).toMatchObject({ auth: 'customer', status: 200 });
    await expect(client.getAddress(existingId)).resolves.toMatchObject({ city: 'Potsdam', metadata: { version: 2 } });
  });

  it('deleteAddress: DELETE me/addresses/{id}, no body', async () => {
    await client.deleteAddress(existingId);
    const [sent] = sentTo(setup, 'DELETE', `${addresses()}/${existingId}`);
    expect(sent?.body).toBeUndefined();
    expect(lastRequest()).toMatchObject({ auth: 'customer', status: 204 });
    await expect(client.listAddresses()).resolves.toEqual([]);
  });

  it('addAddressTags: POST me/addresses/{id}/tags?tags=A,B, no body', async () => {
    await client.addAddressTags(existingId, ['HOME', 'GIFT']);
    const [sent] = sentTo(setup, 'POST', `${addresses()}/${existingId}/tags`);
    expect(Object.fromEntries(sent?.url.searchParams ?? [])).toEqual({ tags: 'HOME,GIFT' });
    expect(sent?.body).toBeUndefined();
    expect(lastRequest()).toMatchObject({ auth: 'customer', status: 204 });
    await expect(client.getAddress(existingId)).resolves.toMatchObject({ tags: ['BILLING', 'SHIPPING', 'HOME', 'GIFT'] });
  });

  it('removeAddressTags: DELETE me/addresses/{id}/tags?tags=A', async () => {
    await client.removeAddressTags(existingId, ['BILLING']);
    const [sent] = sentTo(setup, 'DELETE', `${addresses()}/${existingId}/tags`);
    expect(Object.fromEntries(sent?.url.searchParams ?? [])).toEqual({ tags: 'BILLING' });
    expect(lastRequest()).toMatchObject({ auth: 'customer', status: 204 });
    await expect(client.getAddress(existingId)).resolves.toMatchObject({ tags: ['SHIPPING'] });
  });
});
