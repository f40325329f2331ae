/**
 * Every one of the service's 25 operations through the proxy, the way a storefront's browser would call
 * them, on the simulator: each answers as the API does, with the bearer its endpoint needs, and no token
 * ever reaches the browser — not in a body, a header or a cookie its scripts can read.
 */
import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES, OPERATIONS } from '../../src/api/operations';
import { SIMULATOR_OPERATIONS } from '../../src/testing';
import { setupProxy, simulatorDefaults, type Browser, type ProxyAnswer } from './support';

const setup = setupProxy({ simulator: { doubleOptIn: true } });

const passwords = [simulatorDefaults.password, 'new-secret-1', 'changed-secret-2', 'reset-secret-3'];

/** Drives all 25 operations; returns every answer the browser got. */
async function walk(browser: Browser): Promise<ProxyAnswer[]> {
  const sim = setup.sim();
  const t = setup.tenantPath;
  const answers: ProxyAnswer[] = [];
  const call = async (method: string, path: string, options = {}, expected?: number) => {
    const answer = await browser.send(method, path, options);
    answers.push(answer);
    if (expected !== undefined) expect(answer.status, `${method} ${path}: ${answer.text}`).toBe(expected);
    return answer;
  };
  const [janePassword, newPassword, changedPassword, resetPassword] = passwords as [string, string, string, string];

  const anonymous = await call('GET', '/customerlogin/auth/anonymous/login', { query: { currency: 'EUR' } }, 200);
  const refreshed = await call('GET', '/customerlogin/auth/anonymous/refresh', {}, 200);
  expect(refreshed.json.sessionId).toBe(anonymous.json.sessionId);
  const newShopper = 'new.shopper@example.com';
  await call('POST', t('/signup'), { body: { email: newShopper, password: newPassword, customerDetails: { firstName: 'New' } } }, 201);
  await call('POST', t('/signup/optin/refresh_token'), { body: { email: newShopper } }, 202);
  const confirmed = await call('GET', t(`/signup/optin/${encodeURIComponent(sim.lastMail('activation', newShopper)!.token)}`), {}, 200);
  expect(confirmed.json.customerId).toBe(sim.getCustomer(newShopper)?.id);
  await call('GET', t('/logout'), {}, 204);

  const login = await call('POST', t('/login'), { body: { email: simulatorDefaults.email, password: janePassword } }, 200);
  expect(login.json).toMatchObject({ initialPassword: false, customerId: sim.getCustomer(simulatorDefaults.email)?.id });
  await call('GET', t('/refreshauthtoken'), {}, 200);
  const validated = await call('GET', t('/validateauthtoken'), {}, 200);
  expect(validated.json.email).toBe(simulatorDefaults.email);
  const me = await call('GET', t('/me'), { query: { expand: 'addresses' } }, 200);
  expect(me.json).toMatchObject({ firstName: 'Jane', addresses: expect.any(Array) });
  await call('PATCH', t('/me'), { body: { middleName: 'Q' } }, 200);
  await call('GET', t('/me/addresses'), {}, 200);
  const created = await call('POST', t('/me/addresses'), { body: { contactName: 'Jane Doe', street: 'Hauptstraße' } }, 201);
  const address = t(`/me/addresses/${created.json.id}`);
  expect((await call('GET', address, {}, 200)).json.street).toBe('Hauptstraße');
  await call('PATCH', address, { body: { city: 'Hamburg', country: 'DE' } }, 200);
  await call('POST', `${address}/tags`, { query: { tags: 'BILLING' } }, 204);
  await call('DELETE', `${address}/tags`, { query: { tags: 'BILLING' } }, 204);
  await call('DELETE', address, {}, 204);
  await call('POST', t('/password/change'), { body: { currentPassword: janePassword, newPassword: changedPassword } }, 204);
  await call(
    'POST',
    t('/me/accounts/internal/email/change'),
    { body: { email: simulatorDefaults.email, password: changedPassword, newEmail: 'jane.new@example.com', syncContactEmail: true } },
    204,
  );
  await call('POST', t('/me/accounts/internal/email/change/confirm'), { body: { token: sim.lastMail('emailChange')!.token } }, 204);
  await call('POST', t('/password/reset'), { body: { email: 'jane.new@example.com' } }, 204);
  await call('POST', t('/password/reset/update'), { body: { token: sim.lastMail('passwordReset')!.token, password: resetPassword } }, 204);
  await call('GET', t('/logout'), {}, 204);

  const subject = sim.issueSubjectToken('external@example.com');
  await call('POST', t('/exchangeauthtoken'), { query: { subjectAccessToken: subject, config: 'default' } }, 200);
  await call('GET', t('/logout'), {}, 204);
  const redirectUri = 'https://shop.example/auth/callback';
  const code = sim.issueSocialCode('social@example.com', { redirectUri });
  const session = await call('GET', '/customerlogin/auth/anonymous/login', {}, 200);
  await call(
    'POST',
    t('/socialLogin'),
    { query: { code, redirect_uri: redirectUri }, headers: { 'session-id': session.json.sessionId } },
    200,
  );
  await call('GET', t('/logout'), {}, 204);
  return answers;
}

describe('every operation through the proxy', () => {
  it('the table the proxy routes by holds exactly the 25 operations the service has', () => {
    expect([...OPERATION_NAMES].sort()).toEqual([...SIMULATOR_OPERATIONS].sort());
  });

  it('serves all 25 operations, each with the bearer its endpoint needs', async () => {
    const browser = setup.browser();
    await walk(browser);
    const requests = setup.sim().requests;
    expect(new Set(requests.map((request) => request.operation))).toEqual(new Set(SIMULATOR_OPERATIONS));
    for (const request of requests) {
      expect(request.status, `${request.operation} answered ${request.status}`).toBeLessThan(400);
      const auth = OPERATIONS[request.operation].auth;
      const expected = auth === 'either' ? ['anonymous', 'customer'] : [auth];
      expect(expected, `${request.operation} was sent with ${request.auth}`).toContain(request.auth);
    }
    expect(browser.refused).toEqual([]);
  });

  it('no token reaches a body, a header or a cookie the page can read', async () => {
    const browser = setup.browser();
    const answers = await walk(browser);
    const sim = setup.sim();
    const httpOnlyValues = browser.everSet.filter((cookie) => cookie.httpOnly).map((cookie) => cookie.value);
    const secrets = [
      ...httpOnlyValues.flatMap((value) => value.split('~')),
      ...sim.outbox().map((mail) => mail.token),
      ...passwords,
    ].filter((value) => value.length >= 8);
    // Every token the API issued (anonymous, customer, refresh, SaaS) came back only as an HttpOnly cookie.
    expect(httpOnlyValues.length).toBeGreaterThanOrEqual(10);

    for (const answer of answers) {
      const headers = [...answer.headers].filter(([name]) => name !== 'set-cookie').map(([, value]) => value);
      for (const secret of secrets) {
        expect(answer.text).not.toContain(secret);
        for (const header of headers) expect(header).not.toContain(secret);
      }
      for (const cookie of answer.setCookies.filter((set) => !set.httpOnly)) {
        expect(cookie.name).toMatch(/-login$/);
        for (const secret of secrets) expect(cookie.value).not.toContain(secret);
      }
    }
    const tokenAnswers = answers.filter((answer) => answer.json && 'expires_in' in answer.json);
    expect(tokenAnswers.length).toBeGreaterThanOrEqual(8);
    for (const { json } of tokenAnswers) {
      expect(Object.keys(json).filter((key) => /token$|^access|^saas|^social|subject/i.test(key))).toEqual([]);
    }
  });
});
