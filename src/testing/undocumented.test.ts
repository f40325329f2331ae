/**
 * Answers no public source documents: each refusal names its situation, the situations say what they rest
 * on, no invented code is sent as if documented, and every candidate answer of every `undocumented`
 * setting is what the setting promises.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createEmporixSimulator,
  DEFAULT_UNDOCUMENTED,
  SIMULATOR_EVIDENCE,
  simulatorDefaults,
  UNDOCUMENTED_CHOICES,
  UNDOCUMENTED_ERRORCODE,
  type EmporixSimulator,
  type EmporixSimulatorOptions,
  type SimulatorUndocumented,
} from './index';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const { tenant, clientId, baseUrl } = simulatorDefaults;
const T = `/customer/${tenant}`;
const JANE = { email: simulatorDefaults.email, password: simulatorDefaults.password };
const CREDENTIALS_INCORRECT = 'Access denied. Entered credentials are incorrect.';

interface Reply {
  status: number;
  contentType: string;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** A simulator whose handlers serve until the test ends. */
function simulator(options: EmporixSimulatorOptions = {}): EmporixSimulator {
  const sim = createEmporixSimulator(options);
  server.use(...sim.handlers);
  return sim;
}

async function call(method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, body };
}

const anonLogin = (query = `tenant=${tenant}&client_id=${clientId}`) => call('GET', `/customerlogin/auth/anonymous/login?${query}`);
const anonRefresh = (refreshToken: string) =>
  call('GET', `/customerlogin/auth/anonymous/refresh?tenant=${tenant}&client_id=${clientId}&refresh_token=${refreshToken}`);

async function anonymousToken(): Promise<string> {
  return (await anonLogin()).body.access_token as string;
}

async function customerLogin(anon: string, credentials = JANE) {
  const reply = await call('POST', `${T}/login`, { token: anon, body: credentials });
  expect(reply.status).toBe(200);
  return reply.body as { access_token: string; refresh_token: string };
}

/** The status and body of an answer, to compare two answers. */
const shapeOf = (reply: Reply) => ({ status: reply.status, contentType: reply.contentType, text: reply.text });

/** What each shape name promises. */
function expectShape(reply: Reply, shape: string): void {
  switch (shape) {
    case 'text401':
      expect(reply.status).toBe(401);
      expect(reply.contentType).toContain('text/plain');
      expect(reply.text).toBe(CREDENTIALS_INCORRECT);
      return;
    case 'fault401':
      expect(reply.status).toBe(401);
      expect(reply.body.fault.detail.errorcode).toBe(UNDOCUMENTED_ERRORCODE);
      return;
    case 'empty401':
      expect(reply.status).toBe(401);
      expect(reply.text).toBe('');
      return;
    case 'error400':
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ status: 400, type: 'bad_request' });
      expect(reply.body.details).toBeUndefined();
      return;
    default:
      throw new Error(`no expectation for ${shape}`);
  }
}

describe('settings for undocumented answers', () => {
  it('default to the first choice of each setting', () => {
    const sim = simulator();
    const firsts = Object.fromEntries(Object.entries(UNDOCUMENTED_CHOICES).map(([key, choices]) => [key, choices[0]]));
    expect(firsts).toEqual(DEFAULT_UNDOCUMENTED);
    expect(sim.undocumented).toEqual(DEFAULT_UNDOCUMENTED);
  });

  it('change at run time, go back to the options on reset, and refuse what they do not know', async () => {
    const sim = simulator({ undocumented: { loginRefused: 'empty401' } });
    const anon = await anonymousToken();
    const wrong = () => call('POST', `${T}/login`, { token: anon, body: { ...JANE, password: 'not-it-1' } });
    expectShape(await wrong(), 'empty401');
    sim.setUndocumented({ loginRefused: 'error400' });
    expect(sim.undocumented.loginRefused).toBe('error400');
    expectShape(await wrong(), 'error400');
    sim.reset();
    expect(sim.undocumented).toEqual({ ...DEFAULT_UNDOCUMENTED, loginRefused: 'empty401' });
    expect(() => sim.setUndocumented({ loginRefused: 'teapot418' } as never)).toThrow(/loginRefused must be one of/);
    expect(() => sim.setUndocumented({ inventedSetting: 'x' } as never)).toThrow(/no undocumented setting 'inventedSetting'/);
    expect(() => createEmporixSimulator({ undocumented: { usedToken: 'gone410' } as never })).toThrow(/usedToken/);
  });
});

describe('evidence', () => {
  it('each situation with a setting is one the settings know, and only assumed or observed answers have one', () => {
    for (const [name, entry] of Object.entries(SIMULATOR_EVIDENCE)) {
      const setting = (entry as { setting?: keyof SimulatorUndocumented }).setting;
      if (setting === undefined) continue;
      expect(UNDOCUMENTED_CHOICES[setting], name).toBeDefined();
      expect(entry.basis, name).not.toBe('documented');
    }
  });

  it('by default no refusal carries a code or type that no source documents, and each names its situation', async () => {
    const sim = simulator({ activation: 'doubleOptIn' });
    const anon = await anonLogin();
    const token = anon.body.access_token as string;
    const replies: Reply[] = [];
    const keep = async (reply: Promise<Reply>) => replies.push(await reply);

    await call('POST', `${T}/signup`, { token, body: { email: 'new@example.com', password: 'secret-123' } });
    await keep(call('POST', `${T}/login`, { token, body: { email: 'new@example.com', password: 'secret-123' } }));
    await keep(call('POST', `${T}/login`, { token, body: { ...JANE, password: 'not-it-1' } }));
    await keep(call('GET', `${T}/signup/optin/not-a-token`, { token }));
    await keep(call('POST', `${T}/password/reset/update`, { token, body: { token: 'not-a-token', password: 'secret-456' } }));
    await keep(call('POST', `${T}/me/accounts/internal/email/change/confirm`, { token, body: { token: 'not-a-token' } }));
    await keep(call('POST', `${T}/socialLogin?code=not-a-code&redirect_uri=https://shop.example/cb`, { token }));
    await keep(call('POST', `${T}/exchangeauthtoken?subjectAccessToken=a.b.c`, { token }));
    await keep(anonRefresh('not-a-refresh-token'));
    await keep(call('GET', `${T}/refreshauthtoken?refreshToken=not-a-refresh-token`, { token }));
    const customer = await customerLogin(token);
    await keep(call('POST', `${T}/password/change`, { token: customer.access_token, body: { currentPassword: 'not-it-1', newPassword: 'secret-456' } }));
    const emailChange = { email: JANE.email, password: 'not-it-1', newEmail: 'jane@new.example', syncContactEmail: false };
    await keep(call('POST', `${T}/me/accounts/internal/email/change`, { token: customer.access_token, body: emailChange }));

    expect(replies.every((reply) => reply.status >= 400)).toBe(true);
    const invented = ['account_not_activated', 'invalid_token', 'InvalidCredentials', 'InvalidRefreshToken', 'InvalidSubjectToken', UNDOCUMENTED_ERRORCODE];
    for (const reply of replies) for (const code of invented) expect(reply.text).not.toContain(code);

    const situations = sim.requests.filter((request) => request.status >= 400).map((request) => request.evidence);
    expect(situations).toEqual([
      'inactiveLogin',
      'loginRefused',
      'usedToken',
      'usedToken',
      'usedToken',
      'usedToken',
      'subjectTokenRefused',
      'refreshRefused',
      'refreshRefused',
      'wrongPassword',
      'wrongPassword',
    ]);
    for (const situation of situations) expect(SIMULATOR_EVIDENCE[situation as keyof typeof SIMULATOR_EVIDENCE].basis).not.toBe('documented');
  });

  it('marks the documented refusals as documented', async () => {
    const sim = simulator();
    await call('GET', `${T}/me`);
    await call('GET', `${T}/me`, { token: 'not-a-token' });
    const token = await anonymousToken();
    await call('GET', `${T}/me/addresses`, { token });
    await call('POST', `${T}/signup`, { token, body: { email: JANE.email, password: 'secret-123' } });
    const evidence = sim.requests.filter((r) => r.status >= 400).map((r) => r.evidence as keyof typeof SIMULATOR_EVIDENCE);
    expect(evidence).toEqual(['invalidAccessToken', 'invalidAccessToken', 'missingScope', 'duplicateAccount']);
    for (const situation of evidence) expect(SIMULATOR_EVIDENCE[situation].basis).toBe('documented');
  });
});

describe('loginRefused', () => {
  it.each(UNDOCUMENTED_CHOICES.loginRefused)('%s: a wrong password and an unknown email get the same answer', async (choice) => {
    simulator({ undocumented: { loginRefused: choice } });
    const anon = await anonymousToken();
    const wrongPassword = await call('POST', `${T}/login`, { token: anon, body: { ...JANE, password: 'not-it-1' } });
    const unknownEmail = await call('POST', `${T}/login`, { token: anon, body: { ...JANE, email: 'nobody@example.com' } });
    expectShape(wrongPassword, choice);
    expect(shapeOf(unknownEmail)).toEqual(shapeOf(wrongPassword));
  });

  it('also answers a subject token the tenant does not accept', async () => {
    simulator({ undocumented: { loginRefused: 'fault401' } });
    expectShape(await call('POST', `${T}/exchangeauthtoken?subjectAccessToken=a.b.c`, { token: await anonymousToken() }), 'fault401');
  });
});

describe('inactiveLogin', () => {
  async function inactiveAndWrong(settings: Partial<SimulatorUndocumented>) {
    simulator({ activation: 'employee', undocumented: settings });
    const anon = await anonymousToken();
    const account = { email: 'waiting@example.com', password: 'secret-123' };
    await call('POST', `${T}/signup`, { token: anon, body: account });
    return {
      inactive: await call('POST', `${T}/login`, { token: anon, body: account }),
      wrong: await call('POST', `${T}/login`, { token: anon, body: { ...account, password: 'not-it-1' } }),
    };
  }

  it('asRefused: indistinguishable from a wrong password, whatever shape that has', async () => {
    for (const loginRefused of UNDOCUMENTED_CHOICES.loginRefused) {
      const { inactive, wrong } = await inactiveAndWrong({ inactiveLogin: 'asRefused', loginRefused });
      expect(shapeOf(inactive)).toEqual(shapeOf(wrong));
    }
  });

  it('error400, forbidden403 and notActivated400 tell it apart', async () => {
    expectShape((await inactiveAndWrong({ inactiveLogin: 'error400' })).inactive, 'error400');
    expect((await inactiveAndWrong({ inactiveLogin: 'forbidden403' })).inactive.body).toMatchObject({ status: 403, type: 'forbidden' });
    expect((await inactiveAndWrong({ inactiveLogin: 'notActivated400' })).inactive.body).toMatchObject({
      status: 400,
      type: 'account_not_activated',
    });
  });
});

describe('usedToken', () => {
  async function usedResetToken(choice: SimulatorUndocumented['usedToken']) {
    const sim = simulator({ undocumented: { usedToken: choice } });
    const anon = await anonymousToken();
    await call('POST', `${T}/password/reset`, { token: anon, body: { email: JANE.email } });
    const body = { token: sim.lastMail('passwordReset')?.token, password: 'secret-456' };
    expect((await call('POST', `${T}/password/reset/update`, { token: anon, body })).status).toBe(204);
    return call('POST', `${T}/password/reset/update`, { token: anon, body });
  }

  it.each(['error400', 'fault401', 'empty401'] as const)('%s', async (choice) => {
    expectShape(await usedResetToken(choice), choice);
  });

  it('invalidToken400: type invalid_token with a detail on the token field (code for social login)', async () => {
    expect((await usedResetToken('invalidToken400')).body).toMatchObject({
      status: 400,
      type: 'invalid_token',
      details: [{ field: 'token', type: 'invalid_value' }],
    });
    const social = await call('POST', `${T}/socialLogin?code=nope&redirect_uri=https://shop.example/cb`, { token: await anonymousToken() });
    expect(social.body.details[0].field).toBe('code');
  });
});

describe('refreshRefused', () => {
  it.each(['error400', 'fault401', 'empty401'] as const)('%s, for customer and anonymous refresh tokens', async (choice) => {
    simulator({ undocumented: { refreshRefused: choice } });
    const anon = await anonymousToken();
    expectShape(await call('GET', `${T}/refreshauthtoken?refreshToken=gone`, { token: anon }), choice);
    expectShape(await anonRefresh('gone'), choice);
  });

  it('invalidRefreshToken401: the gateway fault with oauth.v2.InvalidRefreshToken', async () => {
    simulator({ undocumented: { refreshRefused: 'invalidRefreshToken401' } });
    const reply = await anonRefresh('gone');
    expect(reply.status).toBe(401);
    expect(reply.body.fault.detail.errorcode).toBe('oauth.v2.InvalidRefreshToken');
  });
});

describe('wrongPassword', () => {
  it('validation400: a validation error on the password field of each request', async () => {
    simulator({ undocumented: { wrongPassword: 'validation400' } });
    const { access_token: token } = await customerLogin(await anonymousToken());
    const change = await call('POST', `${T}/password/change`, { token, body: { currentPassword: 'not-it-1', newPassword: 'secret-456' } });
    expect(change.body).toMatchObject({ status: 400, type: 'validation_failure', details: [{ field: 'currentPassword' }] });
    const body = { email: JANE.email, password: 'not-it-1', newEmail: 'jane@new.example', syncContactEmail: false };
    const email = await call('POST', `${T}/me/accounts/internal/email/change`, { token, body });
    expect(email.body).toMatchObject({ status: 400, type: 'validation_failure', details: [{ field: 'password' }] });
  });

  it('text401 checks the password before saying whether another account has the new email', async () => {
    const sim = simulator();
    sim.seedCustomer({ email: 'taken@example.com', password: 'secret-123' });
    const { access_token: token } = await customerLogin(await anonymousToken());
    const body = { email: JANE.email, password: 'not-it-1', newEmail: 'taken@example.com', syncContactEmail: false };
    expectShape(await call('POST', `${T}/me/accounts/internal/email/change`, { token, body }), 'text401');
  });
});

describe('staleVersion', () => {
  it('ignored: a profile and an address update with an old version are applied', async () => {
    const sim = simulator({ undocumented: { staleVersion: 'ignored' } });
    const { access_token: token } = await customerLogin(await anonymousToken());
    await call('PATCH', `${T}/me`, { token, body: { firstName: 'Janet' } });
    expect((await call('PATCH', `${T}/me`, { token, body: { firstName: 'Jo', metadata: { version: 1 } } })).status).toBe(200);
    expect(sim.getCustomer(JANE.email)).toMatchObject({ firstName: 'Jo', metadata: { version: 3 } });
    const [address] = (await call('GET', `${T}/me/addresses`, { token })).body as { id: string }[];
    await call('PATCH', `${T}/me/addresses/${address?.id}`, { token, body: { city: 'Potsdam' } });
    const stale = await call('PATCH', `${T}/me/addresses/${address?.id}`, { token, body: { city: 'Bonn', metadata: { version: 1 } } });
    expect(stale.status).toBe(200);
    expect(sim.getCustomer(JANE.email)?.addresses[0]?.city).toBe('Bonn');
  });

  it('conflict409 (default): nothing changes', async () => {
    const sim = simulator();
    const { access_token: token } = await customerLogin(await anonymousToken());
    await call('PATCH', `${T}/me`, { token, body: { firstName: 'Janet' } });
    const stale = await call('PATCH', `${T}/me`, { token, body: { firstName: 'Jo', metadata: { version: 1 } } });
    expect(stale.body).toMatchObject({ status: 409, type: 'conflict_resource' });
    expect(sim.getCustomer(JANE.email)?.firstName).toBe('Janet');
    expect(sim.requests.at(-1)?.evidence).toBe('staleVersion');
  });
});

describe('unknownTenant', () => {
  it('invalidApiKey401: the gateway refuses the key for a tenant it does not know', async () => {
    simulator({ undocumented: { unknownTenant: 'invalidApiKey401' } });
    const reply = await anonLogin(`tenant=othershop&client_id=${clientId}`);
    expect(reply.status).toBe(401);
    expect(reply.body.fault).toEqual({ faultstring: 'Invalid ApiKey', detail: { errorcode: 'oauth.v2.InvalidApiKey' } });
  });
});

describe('anonymousRefresh', () => {
  it('keepsRefreshToken (default): the same refresh token, its lifetime counting down', async () => {
    let now = Date.parse('2025-03-01T09:00:00Z');
    simulator({ now: () => now });
    const first = (await anonLogin()).body;
    now += 600_000;
    const refreshed = (await anonRefresh(first.refresh_token)).body;
    expect(refreshed).toMatchObject({ refresh_token: first.refresh_token, refresh_token_expires_in: 86399 - 600, sessionId: first.sessionId });
  });

  it('rotatesRefreshToken: a new refresh token of full lifetime, the old one stops working, the session stays', async () => {
    simulator({ undocumented: { anonymousRefresh: 'rotatesRefreshToken' } });
    const first = (await anonLogin()).body;
    const refreshed = (await anonRefresh(first.refresh_token)).body;
    expect(refreshed.refresh_token).not.toBe(first.refresh_token);
    expect(refreshed).toMatchObject({ refresh_token_expires_in: 86399, sessionId: first.sessionId });
    expectShape(await anonRefresh(first.refresh_token), 'error400');
    expect((await anonRefresh(refreshed.refresh_token)).body.sessionId).toBe(first.sessionId);
  });
});
