/**
 * Social login from the storefront's side: the identity provider URL carries PKCE (S256) and a random
 * state, the verifier and state wait in this tab's sessionStorage, and the callback completes the
 * login with them — checked end to end by the simulator, which verifies the PKCE pair.
 */
import { describe, expect, it, vi } from 'vitest';
import { beginSocialLogin, completeSocialLogin } from './social-login';
import { libraryKeys, namesOf, sentTo, setupTenant } from '../../test/fault-matrix/support';

const setup = setupTenant();
const authorizeUrl = 'https://idp.example.com/oauth2/authorize?prompt=login';
const redirectUri = 'https://shop.example.com/auth/callback';
const pendingKey = () => namesOf(setup.sim()).socialLogin;

async function s256(verifier: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  return btoa(String.fromCharCode(...digest)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

describe('beginSocialLogin', () => {
  it('builds the authorization URL with PKCE S256 and a random state, keeping both in sessionStorage', async () => {
    const random = vi.spyOn(crypto, 'getRandomValues');
    const client = setup.client();

    const url = new URL(await client.beginSocialLogin({ authorizeUrl, clientId: 'shop-app', redirectUri, scope: 'openid email' }));

    expect(url.origin + url.pathname).toBe('https://idp.example.com/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      prompt: 'login',
      response_type: 'code',
      client_id: 'shop-app',
      redirect_uri: redirectUri,
      scope: 'openid email',
      state: expect.stringMatching(/^[\w-]{22}$/),
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      code_challenge_method: 'S256',
    });
    const pending = JSON.parse(sessionStorage.getItem(pendingKey()) ?? '{}') as { state: string; codeVerifier: string };
    expect(pending.state).toBe(url.searchParams.get('state'));
    expect(pending.codeVerifier).toMatch(/^[\w-]{43}$/);
    expect(await s256(pending.codeVerifier)).toBe(url.searchParams.get('code_challenge'));
    expect(random).toHaveBeenCalled();
    expect(Object.keys(localStorage)).toEqual([]);
    expect(setup.wire()).toEqual([]); // nothing sent to Emporix yet
  });

  it('prefixes the state with the configuration name, and never repeats a state or verifier', async () => {
    const client = setup.client();
    const first = new URL(await client.beginSocialLogin({ authorizeUrl, clientId: 'c', redirectUri, config: 'google' }));
    const firstVerifier = (JSON.parse(sessionStorage.getItem(pendingKey()) ?? '{}') as { codeVerifier: string }).codeVerifier;
    const second = new URL(await client.beginSocialLogin({ authorizeUrl, clientId: 'c', redirectUri, config: 'google' }));
    const secondVerifier = (JSON.parse(sessionStorage.getItem(pendingKey()) ?? '{}') as { codeVerifier: string }).codeVerifier;

    expect(first.searchParams.get('state')).toMatch(/^google--[\w-]{22}$/);
    expect(second.searchParams.get('state')).not.toBe(first.searchParams.get('state'));
    expect(secondVerifier).not.toBe(firstVerifier);
  });

  it('refuses URLs that are not absolute', async () => {
    const client = setup.client();
    await expect(client.beginSocialLogin({ authorizeUrl: '/authorize', clientId: 'c', redirectUri })).rejects.toMatchObject({
      type: 'invalid_config',
    });
    await expect(client.beginSocialLogin({ authorizeUrl, clientId: 'c', redirectUri: 'callback' })).rejects.toMatchObject({
      type: 'invalid_config',
    });
  });
});

describe('completeSocialLogin', () => {
  it('sends code, redirect URI and verifier; the simulator checks the PKCE pair and logs the shopper in', async () => {
    const client = setup.client();
    const url = new URL(await client.beginSocialLogin({ authorizeUrl, clientId: 'c', redirectUri }));
    const { codeVerifier } = JSON.parse(sessionStorage.getItem(pendingKey()) ?? '{}') as { codeVerifier: string };
    const code = setup.sim().issueSocialCode('social.shopper@example.com', {
      redirectUri,
      codeChallenge: url.searchParams.get('code_challenge') ?? '',
    });

    await expect(client.completeSocialLogin(`${redirectUri}?code=${code}&state=${url.searchParams.get('state')}`)).resolves.toEqual({
      initialPassword: false,
    });

    const [sent] = sentTo(setup, 'POST', '/socialLogin');
    expect(Object.fromEntries(sent?.url.searchParams ?? [])).toEqual({ code, redirect_uri: redirectUri, code_verifier: codeVerifier });
    expect(client.session.getState()).toMatchObject({
      status: 'customer',
      customerId: setup.sim().getCustomer('social.shopper@example.com')?.id,
    });
    expect(libraryKeys().filter((key) => key.endsWith(':social-login'))).toEqual([]);
  });

  it('is also usable as standalone functions taking the client, with a callback relative to the page', async () => {
    const client = setup.client();
    const url = new URL(await beginSocialLogin(client, { authorizeUrl, clientId: 'c', redirectUri, config: 'apple' }));
    const code = setup.sim().issueSocialCode('apple.shopper@example.com', { codeChallenge: url.searchParams.get('code_challenge') ?? '' });
    const state = encodeURIComponent(url.searchParams.get('state') ?? '');

    await completeSocialLogin(client, `/auth/callback?code=${code}&state=${state}`);

    expect(client.session.getState().status).toBe('customer');
  });

  it('a verifier that does not match the challenge is refused by the simulator (the check is real)', async () => {
    const client = setup.client();
    const code = setup.sim().issueSocialCode('social.shopper@example.com', { codeChallenge: await s256('another-verifier') });
    await client.beginSocialLogin({ authorizeUrl, clientId: 'c', redirectUri });
    const { state } = JSON.parse(sessionStorage.getItem(pendingKey()) ?? '{}') as { state: string };

    await expect(client.completeSocialLogin(`${redirectUri}?code=${code}&state=${state}`)).rejects.toMatchObject({ status: 400 });
    expect(client.session.getState().status).toBe('anonymous');
  });
});
