/**
 * What may pass the proxy at all: only the service's operations (method and path, the configured tenant),
 * only the query parameters each lets a caller choose, bodies up to the limit. Everything else is answered
 * by the proxy itself, in the API's error shape, without a call to the API.
 */
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, PROXY_HEADER } from '../../src/server';
import { setupProxy, simulatorDefaults, type Browser } from './support';

const setup = setupProxy();

async function expectAnswered(browser: Browser, status: number, method: string, path: string, options = {}) {
  const answer = await browser.send(method, path, options);
  expect(answer.status, `${method} ${path}`).toBe(status);
  expect(answer.json).toMatchObject({ status, type: expect.any(String), message: expect.any(String) });
  expect(setup.upstream()).toEqual([]);
  return answer;
}

describe('routing', () => {
  it('unknown paths, methods and tenants are 404, never forwarded', async () => {
    const browser = setup.browser();
    const t = setup.tenantPath;
    const notFound: [string, string][] = [
      ['GET', t('/customers')],
      ['GET', '/customer'],
      ['GET', t('/me/')],
      ['GET', t('/me/addresses/a/b')],
      ['PUT', t('/me')],
      ['GET', t('/login')],
      ['POST', t('/me')],
      ['DELETE', t('/me')],
      ['HEAD', t('/me')],
      ['OPTIONS', t('/me')],
      ['GET', '/customer/othershop/me'],
      ['GET', '/customer/othershop/me/addresses'],
      ['GET', t('/me/addresses/%2e%2e')],
      ['GET', t('/me/addresses/%E0%A4%A')],
      ['GET', `${t('')}//me`],
      ['GET', '/customerlogin/auth/anonymous/logout'],
      ['GET', '/'],
    ];
    for (const [method, path] of notFound) {
      const answer = await browser.send(method, path);
      expect(answer.status, `${method} ${path}`).toBe(404);
      if (method !== 'HEAD') expect(answer.json).toMatchObject({ status: 404, type: 'not_found' });
    }
    expect(setup.upstream()).toEqual([]);
  });

  it('requests outside the base path are 404', async () => {
    const proxy = setup.proxy();
    for (const path of ['/api/other/customer/x/me', '/api/emporixx/customer/x/me', '/api/emporix']) {
      const response = await proxy.handle(new Request(`https://shop.example${path}`, { headers: { [PROXY_HEADER]: '1' } }));
      expect(response.status, path).toBe(404);
    }
    expect(setup.upstream()).toEqual([]);
  });

  it('a custom base path routes below it only', async () => {
    const proxy = setup.createProxy({ basePath: '/shop/session' });
    const response = await proxy.handle(
      new Request('https://shop.example/shop/session/customerlogin/auth/anonymous/login', { headers: { [PROXY_HEADER]: '1' } }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body.sessionId).toEqual(expect.any(String));
    expect(response.headers.getSetCookie().some((cookie) => cookie.includes('Path=/shop/session'))).toBe(true);
  });

  it('a path parameter is passed on as one encoded segment', async () => {
    const browser = setup.browser();
    await browser.send('POST', setup.tenantPath('/login'), {
      body: { email: simulatorDefaults.email, password: simulatorDefaults.password },
    });
    const answer = await browser.send('GET', setup.tenantPath('/me/addresses/a%2Fb%3Fc'));
    expect(answer.status).toBe(404);
    expect(answer.json.type).toBe('resource_not_found');
    expect(setup.upstream().at(-1)!.url.pathname).toMatch(/\/me\/addresses\/a%2Fb%3Fc$/);
  });
});

describe('query parameters', () => {
  it('only those the operation lets a caller choose', async () => {
    const browser = setup.browser();
    const t = setup.tenantPath;
    await expectAnswered(browser, 400, 'GET', t('/me'), { query: { expand: 'addresses', debug: '1' } });
    await expectAnswered(browser, 400, 'GET', t('/me/addresses'), { query: { tags: 'BILLING' } });
    await expectAnswered(browser, 400, 'GET', '/customerlogin/auth/anonymous/refresh', { query: { anonymous_token: 'x' } });
  });

  it('the tokens the API wants in URLs come from the proxy, never from the browser', async () => {
    const browser = setup.browser();
    const t = setup.tenantPath;
    await expectAnswered(browser, 400, 'GET', '/customerlogin/auth/anonymous/refresh', { query: { refresh_token: 'stolen' } });
    await expectAnswered(browser, 400, 'GET', t('/refreshauthtoken'), { query: { refreshToken: 'stolen' } });
    await expectAnswered(browser, 400, 'GET', t('/logout'), { query: { accessToken: 'stolen' } });
  });

  it('a parameter given twice is refused', async () => {
    const request = setup.browser().request('GET', `${setup.tenantPath('/me')}?expand=addresses&expand=addresses`);
    const response = await setup.proxy().handle(request);
    expect(response.status).toBe(400);
    expect(setup.upstream()).toEqual([]);
  });

  it('tenant and client_id are tolerated when they name this proxy, refused (404) otherwise', async () => {
    const browser = setup.browser();
    const sim = setup.sim();
    const path = '/customerlogin/auth/anonymous/login';
    expect((await browser.send('GET', path, { query: { tenant: sim.tenant, client_id: sim.clientId } })).status).toBe(200);
    const before = setup.upstream().length;
    expect((await browser.send('GET', path, { query: { tenant: 'othershop' } })).status).toBe(404);
    expect((await browser.send('GET', path, { query: { client_id: 'other-key' } })).status).toBe(404);
    expect(setup.upstream()).toHaveLength(before);
  });

  it('a URL longer than the API takes is refused (414)', async () => {
    await expectAnswered(setup.browser(), 414, 'GET', setup.tenantPath('/me'), { query: { expand: 'a'.repeat(11_000) } });
  });
});

describe('bodies', () => {
  const padded = (bytes: number) => {
    const body = { email: 'new@example.com', password: 'secret-pass', customerDetails: { firstName: '' } };
    const base = JSON.stringify(body).length;
    body.customerDetails.firstName = 'x'.repeat(bytes - base);
    return JSON.stringify(body);
  };

  it(`a body over ${MAX_BODY_BYTES} bytes is refused (413), declared or streamed`, async () => {
    const browser = setup.browser();
    const path = setup.tenantPath('/signup');
    await expectAnswered(browser, 413, 'POST', path, { rawBody: padded(MAX_BODY_BYTES + 1), headers: { 'content-type': 'application/json' } });
    const chunk = new TextEncoder().encode(padded(MAX_BODY_BYTES + 1));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < chunk.length; offset += 4096) controller.enqueue(chunk.slice(offset, offset + 4096));
        controller.close();
      },
    });
    const request = browser.request('POST', path, { rawBody: stream, headers: { 'content-type': 'application/json' } });
    expect(request.headers.get('content-length')).toBeNull();
    expect((await setup.proxy().handle(request)).status).toBe(413);
    expect(setup.upstream()).toEqual([]);
  });

  it(`a body of exactly ${MAX_BODY_BYTES} bytes passes`, async () => {
    const answer = await setup.browser().send('POST', setup.tenantPath('/signup'), {
      rawBody: padded(MAX_BODY_BYTES),
      headers: { 'content-type': 'application/json' },
    });
    expect(setup.sim().requests.at(-1)?.operation).toBe('signup');
    expect(answer.status).not.toBe(413);
  });

  it('a body that is not a JSON object is refused (400) before the API sees it', async () => {
    const browser = setup.browser();
    const path = setup.tenantPath('/password/reset');
    const json = { 'content-type': 'application/json' };
    await expectAnswered(browser, 400, 'POST', path, { rawBody: '{"email":', headers: json });
    await expectAnswered(browser, 400, 'POST', path, { rawBody: '["a@b.c"]', headers: json });
    await expectAnswered(browser, 415, 'POST', path, { rawBody: '{"email":"a@b.c"}', headers: { 'content-type': null } });
  });
});
