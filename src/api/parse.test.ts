/**
 * Profiles and addresses as live tenants hold them: a field that fails its schema is left out and reported,
 * the rest of the record is kept; `null` means "not set"; what identifies a record still decides whether
 * it is one.
 */
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { EmporixError } from './errors';
import type { ParseIssue } from './parse';
import { server, simulatorDefaults, setupTenant } from '../../test/fault-matrix/support';

const setup = setupTenant();
const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };
const me = () => `${setup.sim().baseUrl}/customer/${setup.sim().tenant}/me`;

const address = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  contactName: 'Jane Doe',
  street: 'Main Street',
  city: 'Berlin',
  country: 'DE',
  metadata: { version: 3 },
  ...extra,
});

const profile = (extra: Record<string, unknown> = {}) => ({
  id: 'C-1',
  customerNumber: 'C-1',
  firstName: 'Jane',
  lastName: 'Doe',
  contactEmail: jane.email,
  metadata: { version: 4, mixins: {} },
  ...extra,
});

/** A logged-in client whose GET /me (or the address endpoints) answer `body`, and the issues it reported. */
async function clientAnswering(path: string, body: Parameters<typeof HttpResponse.json>[0]) {
  const issues: ParseIssue[] = [];
  const client = setup.client({ onParseIssue: (issue) => issues.push(issue) });
  await client.login(jane);
  server.use(http.get(`${me()}${path}`, () => HttpResponse.json(body)));
  return { client, issues };
}

describe('a profile', () => {
  it.each([
    '2024-01-01T10:00:00.000+0100',
    '2024-01-01T10:00:00.000+01:00',
    '2024-01-01T09:00:00Z',
    '2024-01-01T10:00:00',
    '2024-01-01T10:00:00+01',
  ])('keeps lastLogin written as %s', async (lastLogin) => {
    const { client, issues } = await clientAnswering('', profile({ lastLogin }));
    await expect(client.getCustomer()).resolves.toMatchObject({ lastLogin, firstName: 'Jane' });
    expect(issues).toEqual([]);
  });

  it('drops a field that fails its schema, reports it without its value, and keeps the rest', async () => {
    const { client, issues } = await clientAnswering(
      '',
      profile({ lastLogin: 'last tuesday', preferredCurrency: 'EURO', businessModel: 'B2X', loyaltyTier: 'gold' }),
    );
    const customer = await client.getCustomer();
    expect(customer).toMatchObject({ id: 'C-1', firstName: 'Jane', lastName: 'Doe', loyaltyTier: 'gold' });
    expect(customer).not.toHaveProperty('lastLogin');
    expect(customer).not.toHaveProperty('preferredCurrency');
    expect(customer).not.toHaveProperty('businessModel');
    expect(issues.map((issue) => [issue.path, issue.action])).toEqual(
      expect.arrayContaining([
        ['lastLogin', 'droppedField'],
        ['preferredCurrency', 'droppedField'],
        ['businessModel', 'droppedField'],
      ]),
    );
    expect(issues.every((issue) => issue.operation === 'getCustomer')).toBe(true);
    expect(JSON.stringify(issues)).not.toMatch(/last tuesday|EURO|B2X/);
  });

  it('reads null as "not set", silently', async () => {
    const { client, issues } = await clientAnswering('', profile({ middleName: null, company: null, b2b: null, mixins: null }));
    const customer = await client.getCustomer();
    expect(customer).toMatchObject({ firstName: 'Jane' });
    for (const field of ['middleName', 'company', 'b2b', 'mixins']) expect(customer).not.toHaveProperty(field);
    expect(issues).toEqual([]);
  });

  it('keeps an embedded address without contactName, and drops only the field that fails inside one', async () => {
    const { contactName: _, ...nameless } = address('A-1');
    const { client, issues } = await clientAnswering(
      '',
      profile({ addresses: [nameless, address('A-2', { country: 'DEU' })], defaultAddress: nameless }),
    );
    const customer = await client.getCustomer({ expand: ['addresses'] });
    expect(customer.addresses).toEqual([
      expect.objectContaining({ id: 'A-1', street: 'Main Street' }),
      expect.objectContaining({ id: 'A-2', city: 'Berlin' }),
    ]);
    expect(customer.addresses?.[1]).not.toHaveProperty('country');
    expect(customer.defaultAddress).toMatchObject({ id: 'A-1' });
    expect(issues).toEqual([expect.objectContaining({ path: 'addresses.1.country', action: 'droppedField' })]);
  });

  it('leaves out an embedded address without its id or version, and says so', async () => {
    const { client, issues } = await clientAnswering(
      '',
      profile({ addresses: [address('A-1'), address('A-2', { metadata: {} }), { ...address('A-3'), id: undefined }] }),
    );
    const customer = await client.getCustomer();
    expect(customer.addresses?.map((entry) => entry.id)).toEqual(['A-1']);
    expect(issues.map((issue) => [issue.path, issue.action])).toEqual([
      ['addresses.1', 'droppedEntry'],
      ['addresses.2', 'droppedEntry'],
    ]);
  });

  it.each([
    ['without an id', { id: undefined }, 'id'],
    ['with an id of the wrong type', { id: 42 }, 'id'],
    ['without metadata.version', { metadata: { mixins: {} } }, 'metadata.version'],
    ['with metadata null', { metadata: null }, 'metadata.version'],
  ])('of a customer %s is malformed', async (_, extra, field) => {
    const { client } = await clientAnswering('', profile(extra));
    const error = await client.getCustomer().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmporixError);
    expect(error).toMatchObject({ type: 'malformed_response', operation: 'getCustomer' });
    expect((error as Error).message).toContain(field);
  });

  it('of a guest (the anonymous placeholder) needs its id only', async () => {
    const client = setup.client();
    await expect(client.getCustomer()).resolves.toMatchObject({ firstName: 'Anonymous' });
    server.use(http.get(me(), () => HttpResponse.json({ firstName: 'Anonymous' })));
    await expect(client.getCustomer()).rejects.toMatchObject({ type: 'malformed_response' });
  });

  it('survives a listener that throws', async () => {
    const client = setup.client({
      onParseIssue: () => {
        throw new Error('listener broke');
      },
    });
    await client.login(jane);
    server.use(http.get(me(), () => HttpResponse.json(profile({ lastLogin: 42 }))));
    await expect(client.getCustomer()).resolves.toMatchObject({ firstName: 'Jane' });
  });
});

describe('addresses', () => {
  it('one address keeps what fits and needs its id and version', async () => {
    const { client, issues } = await clientAnswering('/addresses/A-1', address('A-1', { zipCode: 10115, state: null }));
    const read = await client.getAddress('A-1');
    expect(read).toMatchObject({ id: 'A-1', city: 'Berlin' });
    expect(read).not.toHaveProperty('zipCode');
    expect(issues).toEqual([expect.objectContaining({ operation: 'getAddress', path: 'zipCode' })]);

    server.use(http.get(`${me()}/addresses/A-1`, () => HttpResponse.json(address('A-1', { metadata: undefined }))));
    await expect(client.getAddress('A-1')).rejects.toMatchObject({ type: 'malformed_response' });
  });

  it('the address book leaves out what is not an identified address, and keeps the rest', async () => {
    const { client, issues } = await clientAnswering('/addresses', [
      address('A-1', { tags: 'BILLING' }),
      'not an address',
      address('A-3', { metadata: { version: '7' } }),
      address('A-4'),
    ]);
    const list = await client.listAddresses();
    expect(list.map((entry) => entry.id)).toEqual(['A-1', 'A-4']);
    expect(list[0]).not.toHaveProperty('tags');
    expect(issues.map((issue) => [issue.path, issue.action])).toEqual([
      ['0.tags', 'droppedField'],
      ['1', 'droppedEntry'],
      ['2.metadata.version', 'droppedField'],
      ['2', 'droppedEntry'],
    ]);
  });

  it('a body that is no list at all is still malformed', async () => {
    const { client } = await clientAnswering('/addresses', { id: 'A-1' });
    await expect(client.listAddresses()).rejects.toMatchObject({ type: 'malformed_response' });
  });
});

describe('the onParseIssue option', () => {
  it('must be a function', () => {
    expect(() => setup.client({ onParseIssue: 'log' as unknown as () => void })).toThrow(/onParseIssue must be a function/);
  });

  it('is told nothing about answers that fit', async () => {
    const onParseIssue = vi.fn();
    const client = setup.client({ onParseIssue });
    await client.login(jane);
    await client.getCustomer({ expand: ['addresses'] });
    await client.listAddresses();
    expect(onParseIssue).not.toHaveBeenCalled();
  });
});
