/**
 * A refusal is read by what is known about its operation, never by a code only a simulator sends: for every
 * candidate answer the simulator offers where the live one is undocumented, the client names the same, true
 * kind of failure — and a refusal of the shop's own settings is never blamed on the shopper.
 */
import { describe, expect, it } from 'vitest';
import { EmporixError } from './errors';
import { simulatorDefaults, setupTenant } from '../../test/fault-matrix/support';
import { UNDOCUMENTED_CHOICES } from '../testing';

const setup = setupTenant();
const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };

async function failure(promise: Promise<unknown>): Promise<EmporixError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EmporixError);
  return error as EmporixError;
}

describe('the shop’s own settings', () => {
  it('a wrong client id is invalid_config naming clientId — also when it surfaces inside a login', async () => {
    const client = setup.client({ clientId: 'not-the-storefront-key' });
    const error = await failure(client.login(jane));
    expect(error).toMatchObject({ type: 'invalid_config', status: 401, operation: 'anonymousLogin' });
    expect(error.message).toMatch(/check `clientId`/);
    expect(error.message).not.toContain('not-the-storefront-key');
    expect(setup.sim().requestCount('login')).toBe(0);
    await expect(client.session.ensureAnonymous()).rejects.toMatchObject({ type: 'invalid_config' });
  });

  it.each(UNDOCUMENTED_CHOICES.unknownTenant)('an unknown tenant (%s) is invalid_config naming the tenant', async (shape) => {
    setup.sim().setUndocumented({ unknownTenant: shape });
    const client = setup.client({ tenant: 'nosuchshop' });
    const error = await failure(client.signup({ email: 'ada@example.com', password: 'ada-secret-1' }));
    expect(error.type).toBe('invalid_config');
    expect(error.message).toMatch(shape === 'error400' ? /check `tenant` \('nosuchshop'\)/ : /check `clientId`/);
  });
});

describe('a refused login', () => {
  it.each(UNDOCUMENTED_CHOICES.loginRefused)('wrong credentials answered as %s are invalid_credentials, sent once', async (shape) => {
    setup.sim().setUndocumented({ loginRefused: shape });
    const client = setup.client();
    const error = await failure(client.login({ ...jane, password: 'wrong-password' }));
    expect(error.type).toBe('invalid_credentials');
    expect(error.message).not.toMatch(/incorrect/i);
    expect(setup.sim().requestCount('login')).toBe(1);
    expect(client.session.getState().status).toBe('anonymous');
  });

  it.each(UNDOCUMENTED_CHOICES.inactiveLogin)('an inactive account answered as %s is invalid_credentials too', async (shape) => {
    setup.sim().setUndocumented({ inactiveLogin: shape });
    setup.sim().seedCustomer({ email: 'new@example.com', password: 'new-secret-1', activated: false });
    const error = await failure(setup.client().login({ email: 'new@example.com', password: 'new-secret-1' }));
    expect(error.type).toBe('invalid_credentials');
  });

  it('a validation error of the login keeps its details', async () => {
    const error = await failure(setup.client().login({ email: '', password: '' }));
    expect(error.type).toBe('validation_failure');
    expect(error.details.map((detail) => detail.field)).toEqual(expect.arrayContaining(['email', 'password']));
  });
});

describe('the current password of a password or login-email change', () => {
  it.each(UNDOCUMENTED_CHOICES.wrongPassword)('refused as %s lands on the password field, without a renewal', async (shape) => {
    setup.sim().setUndocumented({ wrongPassword: shape });
    const client = setup.client();
    await client.login(jane);
    const change = await failure(client.changePassword({ currentPassword: 'not-it-1', newPassword: 'next-secret-1' }));
    expect(change.details).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
    const email = await failure(
      client.requestEmailChange({ email: jane.email, password: 'not-it-1', newEmail: 'jane.new@example.com', syncContactEmail: false }),
    );
    expect(email.details).toEqual([expect.objectContaining({ field: 'password' })]);
    if (shape === 'text401') expect([change.type, email.type]).toEqual(['invalid_credentials', 'invalid_credentials']);
    expect(setup.sim().requestCount('refreshCustomerToken')).toBe(0);
    expect(client.session.getState().status).toBe('customer');
  });
});

describe('the token of a mailed link', () => {
  it.each(UNDOCUMENTED_CHOICES.usedToken)('refused as %s is mailed_token_refused for all three links', async (shape) => {
    setup.sim().setUndocumented({ usedToken: shape });
    const client = setup.client();
    const types = await Promise.all([
      failure(client.confirmSignup('spent-activation-token')),
      failure(client.resetPassword({ token: 'spent-reset-token', password: 'next-secret-1' })),
      failure(client.confirmEmailChange({ token: 'spent-change-token' })),
    ]);
    expect(types.map((error) => error.type)).toEqual(['mailed_token_refused', 'mailed_token_refused', 'mailed_token_refused']);
    for (const error of types) expect(error.message).not.toMatch(/spent-/);
  });

  it('a reset the tenant refuses for its password rules stays on the password', async () => {
    const client = setup.client();
    await client.requestPasswordReset({ email: jane.email });
    const token = setup.sim().lastMail('passwordReset', jane.email)!.token;
    const error = await failure(client.resetPassword({ token, password: '1' }));
    expect(error.type).toBe('validation_failure');
    expect(error.details.map((detail) => detail.field)).toContain('password');
  });
});

describe('a social-login code', () => {
  it.each(UNDOCUMENTED_CHOICES.usedToken)('spent, and refused as %s, is social_login_failed', async (shape) => {
    setup.sim().setUndocumented({ usedToken: shape });
    const error = await failure(setup.client().socialLogin({ code: 'spent-code', redirectUri: 'https://shop.example/callback' }));
    expect(error.type).toBe('social_login_failed');
  });
});

describe('what the rules do not recognise', () => {
  it('keeps the server’s type and status', async () => {
    const client = setup.client();
    await client.signup({ email: 'ada@example.com', password: 'ada-secret-1' });
    const error = await failure(client.signup({ email: 'ada@example.com', password: 'ada-secret-1' }));
    expect(error).toMatchObject({ status: 409, type: 'conflict_resource' });
  });
});
