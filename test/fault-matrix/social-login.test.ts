/**
 * Fault matrix row 21: a social login callback that was not started here, was tampered with, or
 * comes twice is refused — and the authorization code is sent to the API at most once.
 */
import { describe, expect, it } from 'vitest';
import { EmporixError } from '../../src/api';
import { libraryKeys, setupTenant } from './support';

const setup = setupTenant();
const redirectUri = 'https://shop.example.com/auth/callback';
const authorizeUrl = 'https://idp.example.com/authorize';

/** Starts a login in this tab and has the simulated identity provider issue a code for it. */
async function started() {
  const client = setup.client();
  const url = new URL(await client.beginSocialLogin({ authorizeUrl, clientId: 'shop', redirectUri }));
  const code = setup.sim().issueSocialCode('social.shopper@example.com', {
    redirectUri,
    codeChallenge: url.searchParams.get('code_challenge') ?? '',
  });
  const state = url.searchParams.get('state') ?? '';
  return { client, code, state, callback: `${redirectUri}?code=${code}&state=${encodeURIComponent(state)}` };
}

const socialLoginCalls = () => setup.wire().filter((entry) => entry.url.pathname.endsWith('/socialLogin'));

describe('21 · social login callbacks that must be refused', () => {
  it.each([
    ['a wrong state', (code: string) => `${redirectUri}?code=${code}&state=someone-elses-state`],
    ['no state', (code: string) => `${redirectUri}?code=${code}`],
    ['an empty state', (code: string) => `${redirectUri}?code=${code}&state=`],
  ])('21 · %s: rejected without calling the API, and the pending login is gone', async (_, callbackFor) => {
    const { client, code, callback } = await started();

    const error = await client.completeSocialLogin(callbackFor(code)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(EmporixError);
    expect(error).toMatchObject({ type: 'invalid_state' });
    expect(socialLoginCalls()).toEqual([]);
    expect(libraryKeys().filter((key) => key.endsWith(':social-login'))).toEqual([]);
    // The verifier went with the state: even the genuine callback cannot be completed now.
    await expect(client.completeSocialLogin(callback)).rejects.toMatchObject({ type: 'invalid_state' });
    expect(socialLoginCalls()).toEqual([]);
    expect(client.session.getState().status).toBe('anonymous');
  });

  it('21 · a callback for a login this tab never started is refused', async () => {
    const client = setup.client();
    const code = setup.sim().issueSocialCode('social.shopper@example.com');
    await expect(client.completeSocialLogin(`${redirectUri}?code=${code}&state=abc`)).rejects.toMatchObject({
      type: 'invalid_state',
    });
    expect(socialLoginCalls()).toEqual([]);
  });

  it('21 · a code used twice: the second completion is refused, socialLogin was called once', async () => {
    const { client, callback } = await started();
    await expect(client.completeSocialLogin(callback)).resolves.toEqual({ initialPassword: false });
    expect(client.session.getState().status).toBe('customer');

    await expect(client.completeSocialLogin(callback)).rejects.toMatchObject({ type: 'invalid_state' });

    expect(socialLoginCalls()).toHaveLength(1);
    expect(setup.sim().requestCount('socialLogin')).toBe(1);
  });

  it('21 · the same callback completed twice at once (a double effect) spends the code once', async () => {
    const { client, callback } = await started();

    const [first, second] = await Promise.all([client.completeSocialLogin(callback), client.completeSocialLogin(callback)]);

    expect(first).toEqual(second);
    expect(socialLoginCalls()).toHaveLength(1);
  });

  it('21 · a code the API refuses is not tried again, and its verifier is deleted', async () => {
    const { client, callback } = await started();
    setup.sim().failNext({ with: 503, match: { path: '/socialLogin' } });

    await expect(client.completeSocialLogin(callback)).rejects.toMatchObject({ status: 503 });
    await expect(client.completeSocialLogin(callback)).rejects.toMatchObject({ type: 'invalid_state' });

    expect(socialLoginCalls()).toHaveLength(1);
    expect(libraryKeys().filter((key) => key.endsWith(':social-login'))).toEqual([]);
  });

  it('21 · an error from the identity provider is reported without calling the API', async () => {
    const { client, state } = await started();
    const error = await client
      .completeSocialLogin(`${redirectUri}?error=access_denied&state=${encodeURIComponent(state)}`)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ type: 'social_login_failed' });
    expect((error as Error).message).toContain('access_denied');
    expect(socialLoginCalls()).toEqual([]);
  });

  it('21 · a code refused with 401 is not replayed with a renewed token', async () => {
    const { client, callback } = await started();
    await client.session.ensureAnonymous();
    setup.sim().failNext({ with: 'empty401', match: { path: '/socialLogin' } });

    await expect(client.completeSocialLogin(callback)).rejects.toMatchObject({ status: 401 });

    expect(socialLoginCalls()).toHaveLength(1);
  });
});
