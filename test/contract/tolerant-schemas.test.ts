/**
 * src/api/schemas.ts: responses parse tolerantly (unknown keys kept, lifetimes as numeric strings,
 * offsets in timestamps), nothing is invented, and token responses normalise to one shape.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  addressCreateSchema,
  addressDtoSchema,
  customerPatchSchema,
  customerSchema,
  customerSignupSchema,
  errorMessageSchema,
  gatewayFaultSchema,
  InvalidTokenResponseError,
  normalizeAnonymousToken,
  normalizeCustomerToken,
  passwordAuthenticationSchema,
  tenantSchema,
  validateTokenResponseSchema,
} from '../../src/api/schemas';

describe('response schemas', () => {
  it('keep keys the contract does not know, at every depth', () => {
    const profile = {
      id: 'C1',
      loyaltyTier: 'gold',
      addresses: [{ contactName: 'Ada', geo: { lat: 52.5 } }],
      defaultAddress: { contactName: 'Ada', note: 'ring twice' },
      b2b: { legalEntities: [{ id: 'LE1', vatId: 'DE1' }], region: 'EU' },
      accounts: [{ id: 'ada@example.com', verified: true }],
      metadata: { version: 2, createdAt: '2025-01-01' },
      mixins: { loyalty: { tier: 'gold', points: 120 } },
    };
    expect(customerSchema.parse(profile)).toEqual(profile);
    expect(addressDtoSchema.parse({ id: 'A1', label: 'home', metadata: { version: 1, etag: 'x' } })).toEqual({
      id: 'A1',
      label: 'home',
      metadata: { version: 1, etag: 'x' },
    });
    const fault = { fault: { faultstring: 'expired', detail: { errorcode: 'x.y', hint: 'h' }, extra: 1 } };
    expect(gatewayFaultSchema.parse(fault)).toEqual(fault);
    const error = { status: 400, details: [{ field: 'email', code: 'E1' }], traceId: 't' };
    expect(errorMessageSchema.parse(error)).toEqual(error);
  });

  it('invent nothing: no default preferences, no isDefault', () => {
    expect(customerSchema.parse({})).toEqual({});
    expect(customerSchema.parse({ addresses: [{ contactName: 'Ada' }] })).toEqual({ addresses: [{ contactName: 'Ada' }] });
    expect(addressDtoSchema.parse({ id: 'A1' })).toEqual({ id: 'A1' });
  });

  it('still reject what contradicts the contract (the client then drops that field, see src/api/parse.ts)', () => {
    expect(customerSchema.safeParse({ businessModel: 'B2X' }).success).toBe(false);
    expect(customerSchema.safeParse({ preferredCurrency: 'EURO' }).success).toBe(false);
    expect(customerSchema.safeParse({ addresses: [{ city: 'Berlin', country: 'DEU' }] }).success).toBe(false);
  });

  it('keep an embedded address without the contactName the model requires', () => {
    expect(customerSchema.parse({ addresses: [{ id: 'A1', city: 'Berlin' }] })).toEqual({ addresses: [{ id: 'A1', city: 'Berlin' }] });
  });

  it('accept timestamps with an offset (+01:00, +0100, +01), with Z, or without a zone', () => {
    const written = ['2025-03-14T09:26:53.589+01:00', '2025-03-14T09:26:53.589+0100', '2025-03-14T09:26:53+01'];
    for (const lastLogin of [...written, '2025-03-14T08:26:53Z', '2025-03-14T08:26:53']) {
      expect(customerSchema.parse({ lastLogin })).toEqual({ lastLogin });
    }
    expect(customerSchema.safeParse({ lastLogin: 'yesterday' }).success).toBe(false);
  });

  it('read lifetimes given as numeric strings', () => {
    expect(validateTokenResponseSchema.parse({ expires_in: '3600' })).toEqual({ expires_in: 3600 });
    expect(validateTokenResponseSchema.parse({ expires_in: 42 })).toEqual({ expires_in: 42 });
    expect(validateTokenResponseSchema.safeParse({ expires_in: '12 s' }).success).toBe(false);
  });
});

describe('request schemas', () => {
  it('send only what the contract knows, and never fill in defaults', () => {
    expect(customerPatchSchema.parse({ firstName: 'Ada', isAdmin: true })).toEqual({ firstName: 'Ada' });
    const mixins = { loyalty: { tier: 'gold' } };
    expect(customerPatchSchema.parse({ mixins })).toEqual({ mixins });
    expect(customerSignupSchema.parse({ email: 'a@example.com', password: 'p' })).toEqual({
      email: 'a@example.com',
      password: 'p',
    });
  });

  it('are plain objects forms can derive from', () => {
    expect(z.pick(passwordAuthenticationSchema, { email: true }).parse({ email: 'a@example.com' })).toEqual({
      email: 'a@example.com',
    });
    expect(z.extend(addressCreateSchema, {}).shape.country).toBeDefined();
  });

  it('check the tenant name', () => {
    expect(tenantSchema.safeParse('exampleshop').success).toBe(true);
    for (const bad of ['ab', 'Example', '1shop', 'shop-de', 'averyveryverylongname']) {
      expect(tenantSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe('normalizeCustomerToken', () => {
  it('prefers snake_case and falls back to the deprecated camelCase names', () => {
    expect(
      normalizeCustomerToken({
        access_token: 'new',
        accessToken: 'old',
        expires_in: 100,
        expiresIn: 1,
        saasToken: 'saas',
        refreshToken: 'r',
        refreshTokenExpiresIn: '200',
        session_id: 's1',
        token_type: 'Bearer',
        initialPassword: 'true',
      }),
    ).toEqual({
      accessToken: 'new',
      expiresIn: 100,
      refreshToken: 'r',
      refreshTokenExpiresIn: 200,
      saasToken: 'saas',
      sessionId: 's1',
      tokenType: 'Bearer',
      initialPassword: true,
    });
  });

  it('reads social login (lifetimes as strings) and exchange answers (scope)', () => {
    expect(normalizeCustomerToken({ access_token: 'a', expires_in: '2591999', refresh_token_expires_in: '86399' }))
      .toMatchObject({ expiresIn: 2591999, refreshTokenExpiresIn: 86399 });
    expect(normalizeCustomerToken({ access_token: 'a', expires_in: 14399, scope: 'x tenant=t', sessionId: 's' }))
      .toMatchObject({ scope: 'x tenant=t', sessionId: 's' });
  });

  it('reads initialPassword as a boolean whichever way it comes', () => {
    const flag = (initialPassword: unknown) =>
      normalizeCustomerToken({ access_token: 'a', expires_in: 1, initialPassword }).initialPassword;
    expect([flag(false), flag('false'), flag(true), flag(undefined)]).toEqual([false, false, true, undefined]);
  });

  it('refuses a response without an access token or a lifetime, without quoting the tokens', () => {
    const attempt = (raw: unknown) => () => normalizeCustomerToken(raw);
    expect(attempt({ refresh_token: 'secret-refresh', expires_in: 1 })).toThrow(InvalidTokenResponseError);
    expect(attempt({ access_token: '', expires_in: 1 })).toThrow(InvalidTokenResponseError);
    expect(attempt({ access_token: 'a' })).toThrow(/expires_in/);
    expect(attempt('<html>gateway</html>')).toThrow(InvalidTokenResponseError);
    try {
      normalizeCustomerToken({ access_token: 42, refresh_token: 'secret-refresh', expires_in: 'soon' });
    } catch (error) {
      expect(String(error)).not.toContain('secret-refresh');
      expect((error as InvalidTokenResponseError).fields).toEqual(['access_token', 'expires_in']);
    }
  });
});

describe('normalizeAnonymousToken', () => {
  it('reads the anonymous login answer, refresh token and session id included', () => {
    expect(
      normalizeAnonymousToken({
        access_token: 'anon',
        token_type: 'Bearer',
        expires_in: 3599,
        refresh_token: 'r',
        refresh_token_expires_in: 86399,
        sessionId: 's1',
        scope: 'tenant=t',
        saas_token: 'not-for-anonymous',
      }),
    ).toEqual({
      accessToken: 'anon',
      expiresIn: 3599,
      refreshToken: 'r',
      refreshTokenExpiresIn: 86399,
      sessionId: 's1',
      tokenType: 'Bearer',
      scope: 'tenant=t',
    });
  });

  it('refuses an answer without an access token', () => {
    expect(() => normalizeAnonymousToken({ expires_in: 3599 })).toThrow(InvalidTokenResponseError);
  });
});
