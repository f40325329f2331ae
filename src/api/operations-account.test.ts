/**
 * The account operations against the simulator — signup and activation, profile, password and login
 * email: what each sends (method, path, query, body, which token) and what the caller gets back.
 */
import { describe, expect, it } from 'vitest';
import { queryNames, sentTo, simulatorDefaults, setupTenant } from '../../test/fault-matrix/support';

const setup = setupTenant();
const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };
const base = () => `/customer/${setup.sim().tenant}`;
const lastRequest = () => setup.sim().requests.at(-1);

describe('signup and activation', () => {
  it('signup: POST JSON body with the anonymous bearer; answers the new id', async () => {
    const client = setup.client();
    const body = {
      email: 'ada@example.com',
      password: 'ada-secret-1',
      customerDetails: { firstName: 'Ada', lastName: 'Lovelace', contactEmail: 'ada@example.com' },
    };

    const { id } = await client.signup(body);

    const [sent] = sentTo(setup, 'POST', `${base()}/signup`);
    expect(sent?.body).toEqual(body);
    expect(sent?.headers.get('content-type')).toBe('application/json');
    expect(lastRequest()).toMatchObject({ operation: 'signup', auth: 'anonymous', status: 201 });
    expect(id).toBe(setup.sim().getCustomer('ada@example.com')?.id);
    expect(client.session.getState().status).toBe('anonymous'); // signing up does not log in
  });

  it('confirmSignup: GET signup/optin/{token} with the anonymous bearer; the customer is logged in', async () => {
    setup.sim().setDoubleOptIn(true);
    const client = setup.client();
    await client.signup({ email: 'ada@example.com', password: 'ada-secret-1' });
    const token = setup.sim().lastMail('activation', 'ada@example.com')?.token ?? '';

    await expect(client.confirmSignup(token)).resolves.toEqual({ initialPassword: false });

    const [sent] = sentTo(setup, 'GET', /\/signup\/optin\/[^/]+$/);
    expect(sent?.url.pathname).toBe(`${base()}/signup/optin/${token}`);
    expect(lastRequest()).toMatchObject({ operation: 'confirmSignup', auth: 'anonymous', status: 200 });
    expect(client.session.getState()).toMatchObject({
      status: 'customer',
      customerId: setup.sim().getCustomer('ada@example.com')?.id,
    });
  });

  it('resendActivation: POST signup/optin/refresh_token {email}; a new mail goes out', async () => {
    setup.sim().setDoubleOptIn(true);
    const client = setup.client();
    await client.signup({ email: 'ada@example.com', password: 'ada-secret-1' });

    await expect(client.resendActivation({ email: 'ada@example.com' })).resolves.toBeUndefined();

    const [sent] = sentTo(setup, 'POST', `${base()}/signup/optin/refresh_token`);
    expect(sent?.body).toEqual({ email: 'ada@example.com' });
    expect(lastRequest()).toMatchObject({ auth: 'anonymous', status: 202 });
    expect(setup.sim().outbox().filter((mail) => mail.kind === 'activation')).toHaveLength(2);
  });
});

describe('profile', () => {
  it('getCustomer: GET me with the customer bearer and expand=addresses', async () => {
    const client = setup.client();
    await client.login(jane);

    const customer = await client.getCustomer({ expand: ['addresses'] });

    const [sent] = sentTo(setup, 'GET', `${base()}/me`);
    expect(Object.fromEntries(sent?.url.searchParams ?? [])).toEqual({ expand: 'addresses' });
    expect(lastRequest()?.auth).toBe('customer');
    expect(customer).toMatchObject({ firstName: 'Jane', lastName: 'Doe', metadata: { version: expect.any(Number) } });
    expect(customer.addresses).toHaveLength(1);
  });

  it('getCustomer as a guest: the anonymous bearer, and the placeholder profile', async () => {
    const client = setup.client();
    const customer = await client.getCustomer();
    expect(queryNames(sentTo(setup, 'GET', `${base()}/me`)[0])).toEqual([]);
    expect(lastRequest()?.auth).toBe('anonymous');
    expect(customer).toMatchObject({ id: '00000000', firstName: 'Anonymous' });
  });

  it('updateCustomer: PATCH me with the patch as JSON; the change and a new version are read back', async () => {
    const client = setup.client();
    await client.login(jane);
    const before = await client.getCustomer();

    await expect(
      client.updateCustomer({ firstName: 'Janet', metadata: { version: before.metadata?.version ?? 1 } }),
    ).resolves.toBeUndefined();

    const [sent] = sentTo(setup, 'PATCH', `${base()}/me`);
    expect(sent?.body).toEqual({ firstName: 'Janet', metadata: { version: before.metadata?.version } });
    expect(sent?.headers.get('content-type')).toBe('application/json');
    expect(lastRequest()).toMatchObject({ auth: 'customer', status: 200 });
    const after = await client.getCustomer();
    expect(after.firstName).toBe('Janet');
    expect(after.metadata?.version).toBe((before.metadata?.version ?? 0) + 1);
  });
});

describe('password and login email', () => {
  it('changePassword: POST password/change {currentPassword, newPassword} with the customer bearer', async () => {
    const client = setup.client();
    await client.login(jane);

    await client.changePassword({ currentPassword: jane.password, newPassword: 'brand-new-pass' });

    const [sent] = sentTo(setup, 'POST', `${base()}/password/change`);
    expect(sent?.body).toEqual({ currentPassword: jane.password, newPassword: 'brand-new-pass' });
    expect(lastRequest()).toMatchObject({ auth: 'customer', status: 204 });
    await client.logout();
    await expect(client.login({ ...jane, password: 'brand-new-pass' })).resolves.toBeDefined();
  });

  it('requestPasswordReset: POST password/reset {email} with the anonymous bearer; a token is mailed', async () => {
    const client = setup.client();

    await client.requestPasswordReset({ email: jane.email });

    const [sent] = sentTo(setup, 'POST', `${base()}/password/reset`);
    expect(sent?.body).toEqual({ email: jane.email });
    expect(lastRequest()).toMatchObject({ auth: 'anonymous', status: 204 });
    expect(setup.sim().lastMail('passwordReset', jane.email)?.token).toEqual(expect.any(String));
  });

  it('resetPassword: POST password/reset/update {token, password}; the new password logs in', async () => {
    const client = setup.client();
    await client.requestPasswordReset({ email: jane.email });
    const token = setup.sim().lastMail('passwordReset')?.token ?? '';

    await client.resetPassword({ token, password: 'reset-pass-9' });

    const [sent] = sentTo(setup, 'POST', `${base()}/password/reset/update`);
    expect(sent?.body).toEqual({ token, password: 'reset-pass-9' });
    expect(lastRequest()).toMatchObject({ auth: 'anonymous', status: 204 });
    await expect(client.login({ ...jane, password: 'reset-pass-9' })).resolves.toBeDefined();
  });

  it('requestEmailChange: POST me/accounts/internal/email/change with the customer bearer; mail to the new address', async () => {
    const client = setup.client();
    await client.login(jane);
    const body = { email: jane.email, password: jane.password, newEmail: 'jane.new@example.com', syncContactEmail: true };

    await client.requestEmailChange(body);

    const [sent] = sentTo(setup, 'POST', `${base()}/me/accounts/internal/email/change`);
    expect(sent?.body).toEqual(body);
    expect(lastRequest()).toMatchObject({ auth: 'customer', status: 204 });
    expect(setup.sim().lastMail('emailChange')?.to).toBe('jane.new@example.com');
  });

  it('confirmEmailChange: POST …/email/change/confirm {token} with the anonymous bearer; the login email changes', async () => {
    const client = setup.client();
    await client.login(jane);
    await client.requestEmailChange({ email: jane.email, password: jane.password, newEmail: 'jane.new@example.com', syncContactEmail: true });
    const token = setup.sim().lastMail('emailChange')?.token ?? '';

    await client.confirmEmailChange({ token });

    const [sent] = sentTo(setup, 'POST', `${base()}/me/accounts/internal/email/change/confirm`);
    expect(sent?.body).toEqual({ token });
    // The endpoint sits under /me but takes the anonymous token, even while a customer is logged in.
    expect(lastRequest()).toMatchObject({ auth: 'anonymous', status: 204 });
    expect(setup.sim().getCustomer('jane.new@example.com')).toMatchObject({ contactEmail: 'jane.new@example.com' });
  });
});
