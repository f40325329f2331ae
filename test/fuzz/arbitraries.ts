/**
 * What the fuzz tests feed the library: text a shopper may type (any Unicode, lone surrogates, whitespace
 * only, empty, very long), and answers a server may give (any JSON, JSON in the shapes the client reads
 * with wrong values, HTML, empty or truncated bodies) under any of the statuses the API uses.
 */
import fc from 'fast-check';

const WHITESPACE = [' ', '\t', '\n', '\r', '\u00a0', '\u1680', '\u2003', '\u2028', '\u3000', '\ufeff'];

/** Any text a shopper might type or paste into a field. */
export const typedText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  // Any code point, lone surrogate halves and control characters included.
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...WHITESPACE), minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 200, maxLength: 300 }) },
);

/** Text around a value: nothing, or whitespace a paste may bring along. */
const padding = fc.string({ unit: fc.constantFrom(...WHITESPACE), maxLength: 3 });

/** An everyday address (`jane.doe7@example.com`), which any email check accepts. */
const everydayEmail = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,8}(\.[a-z0-9]{1,6})?$/), fc.constantFrom('example.com', 'shop.example.de'))
  .map(([local, domain]) => `${local}@${domain}`);

/** What a shopper types into an email field: mostly addresses (padded, upper-cased), sometimes anything. */
export const typedEmail: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.tuple(padding, everydayEmail, padding).map(([a, email, b]) => a + email + b) },
  // Any RFC 5322 address, many of which a form's stricter check refuses.
  { weight: 2, arbitrary: fc.emailAddress() },
  { weight: 1, arbitrary: fc.emailAddress().map((email) => email.toUpperCase()) },
  { weight: 2, arbitrary: typedText },
);

/** What a shopper types into a password field: often long enough, sometimes anything. */
export const typedPassword: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 6, maxLength: 30 }) },
  { weight: 2, arbitrary: typedText },
);

/** Usually `plausible`, sometimes `anything`: a field most shoppers fill in as asked. */
export function usually(plausible: fc.Arbitrary<string>, anything: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof({ weight: 4, arbitrary: plausible }, { weight: 1, arbitrary: anything });
}

/** An email field most shoppers fill in right. */
export const plausibleEmail: fc.Arbitrary<string> = usually(everydayEmail, typedEmail);

/** A repetition field: usually what was typed first (so some forms validate), sometimes anything. */
export function typedAgain(first: string): fc.Arbitrary<string> {
  return fc.oneof({ weight: 3, arbitrary: fc.constant(first) }, { weight: 1, arbitrary: typedPassword });
}

/** Two or three letters, in any case. */
export function letters(length: 2 | 3): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: length, maxLength: length });
}

/** A two- or three-letter code as typed: a real-looking code in any case, or anything. */
export function typedCode(length: 2 | 3): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.tuple(padding, letters(length), padding).map(([a, code, b]) => a + code + b) },
    // Letters whose upper case is longer or not ASCII: ß → SS, ﬀ → FF, ı → I.
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('ß', 'ﬀ', 'ı', 'é', 'ǆ', 'a'), minLength: 1, maxLength: 3 }) },
    { weight: 2, arbitrary: typedText },
  );
}

// ---------------------------------------------------------------------------------------------------
// Server answers

/** Every status the Emporix API answers with, the successful ones more often (they are parsed). */
const apiStatus = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(200, 201) },
  { weight: 1, arbitrary: fc.constant(204) },
  { weight: 3, arbitrary: fc.constantFrom(400, 401, 403, 404, 409, 500, 503) },
);

/**
 * Almost always `right`, now and then `wrong`: a body whose fields mostly pass their checks, so that
 * answers which parse (and then are used) come often, with a wrong field in some of them.
 */
function nearly<T>(right: fc.Arbitrary<T>, wrong: fc.Arbitrary<unknown> = anyValue): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 12, arbitrary: right }, { weight: 1, arbitrary: wrong });
}

/** A value of any JSON type, shallow. */
const anyValue = fc.jsonValue({ maxDepth: 2 });

/** A string as a token, id or message field might hold: plain ASCII, any Unicode, whitespace, base64. */
const anyText = fc.oneof(fc.string({ unit: 'binary-ascii', maxLength: 20 }), typedText, fc.base64String({ maxLength: 40 }));

/** A lifetime as a token answer gives it (seconds, maybe as a numeric string), or something else. */
const lifetime = nearly(fc.oneof(fc.nat({ max: 100_000 }), fc.nat({ max: 100_000 }).map(String)), fc.oneof(fc.integer(), fc.double(), anyText));

/** Names the client reads in some answer: tokens, profiles, addresses, ids, errors; and a few traps. */
const KNOWN_KEYS = [
  'access_token',
  'accessToken',
  'expires_in',
  'refresh_token',
  'saas_token',
  'session_id',
  'sessionId',
  'initialPassword',
  'id',
  'contactName',
  'country',
  'tags',
  'metadata',
  'mixins',
  'addresses',
  'lastLogin',
  'preferredCurrency',
  'type',
  'message',
  'details',
  'fault',
  '__proto__',
  'constructor',
  'toString',
];

/** An object with some of the names the client reads, holding values of any type. */
const knownShape: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(
  fc.constantFrom(...KNOWN_KEYS),
  fc.oneof(anyValue, anyText, lifetime),
  { maxKeys: 6 },
);

/** `right` with, now and then, keys of other answers next to its own. */
function withExtras(right: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(right, fc.option(knownShape, { freq: 3 })).map(([own, extra]) => ({ ...extra, ...own }));
}

/** UTF-8 text as base64. */
function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

/** A JWT-like SaaS token: three dot-separated parts, the middle one base64 of any JSON (or not base64 at all). */
const saasToken = fc.oneof(
  anyText,
  fc.tuple(anyText, fc.jsonValue().map((value) => base64(JSON.stringify(value) ?? '')), anyText).map((parts) => parts.join('.')),
  fc.tuple(anyText, fc.record({ sub: fc.oneof(anyText, anyValue) }).map((value) => base64(JSON.stringify(value))), anyText).map((parts) => parts.join('.')),
);

/** A token answer (any of the login flows, refreshes): nearly what a session needs. */
export const tokenBody: fc.Arbitrary<Record<string, unknown>> = withExtras(
  fc.record(
    {
      access_token: nearly(anyText),
      accessToken: nearly(anyText),
      expires_in: lifetime,
      expiresIn: lifetime,
      refresh_token: nearly(anyText),
      refreshToken: nearly(anyText),
      refresh_token_expires_in: lifetime,
      saas_token: nearly(saasToken),
      session_id: nearly(anyText),
      sessionId: nearly(anyText),
      token_type: nearly(anyText),
      scope: nearly(anyText),
      initialPassword: nearly(fc.oneof(fc.boolean(), fc.constantFrom('true', 'false'), anyText)),
    },
    { requiredKeys: ['access_token', 'expires_in'] },
  ),
);

const metadata = nearly(fc.record({ version: nearly(fc.nat()), mixins: nearly(fc.dictionary(fc.string(), anyValue)) }, { requiredKeys: [] }));

/** One address as the API answers it, nearly. */
export const addressBody: fc.Arbitrary<Record<string, unknown>> = withExtras(
  fc.record(
    {
      id: nearly(anyText),
      contactName: nearly(anyText),
      street: nearly(anyText),
      country: nearly(fc.oneof(fc.constantFrom('DE', 'FR', 'US'), anyText)),
      isDefault: nearly(fc.boolean()),
      tags: nearly(fc.array(nearly(anyText), { maxLength: 3 })),
      metadata,
      mixins: nearly(fc.dictionary(fc.string(), anyValue)),
    },
    { requiredKeys: [] },
  ),
);

/** A profile as GET /me answers it, nearly. */
export const customerBody: fc.Arbitrary<Record<string, unknown>> = withExtras(
  fc.record(
    {
      id: nearly(anyText),
      firstName: nearly(anyText),
      contactEmail: nearly(anyText),
      preferredCurrency: nearly(fc.oneof(fc.constantFrom('EUR', 'USD'), anyText)),
      accounts: nearly(fc.array(fc.record({ id: nearly(anyText), providerId: nearly(anyText) }, { requiredKeys: [] }), { maxLength: 2 })),
      addresses: nearly(fc.array(addressBody, { maxLength: 2 })),
      defaultAddress: nearly(addressBody),
      businessModel: nearly(fc.constantFrom('B2B', 'B2C'), anyText),
      b2b: nearly(fc.record({ companyRegistrationId: nearly(anyText), legalEntities: nearly(fc.array(anyValue, { maxLength: 2 })) }, { requiredKeys: [] })),
      lastLogin: nearly(fc.oneof(fc.date({ noInvalidDate: true }).map((date) => date.toISOString()), fc.constant('2025-06-01T10:00:00+01:00')), anyText),
      metadata,
      mixins: nearly(fc.dictionary(fc.string(), anyValue)),
    },
    { requiredKeys: [] },
  ),
);

/** `{ id }` of something created, nearly. */
export const createdBody: fc.Arbitrary<Record<string, unknown>> = withExtras(fc.record({ id: nearly(anyText) }, { requiredKeys: [] }));

/** The validateauthtoken answer, nearly. */
export const validateTokenBody: fc.Arbitrary<Record<string, unknown>> = withExtras(
  fc.record(
    { token_type: nearly(anyText), expires_in: lifetime, scope: nearly(anyText), sessionId: nearly(anyText), email: nearly(anyText), legalEntityId: nearly(anyText) },
    { requiredKeys: [] },
  ),
);

/** An error answer, nearly: message, type, details and a gateway fault, with values that may be wrong. */
const errorBody: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    status: nearly(fc.integer({ min: 100, max: 599 })),
    type: nearly(anyText),
    message: nearly(anyText),
    details: nearly(fc.array(nearly(fc.record({ field: nearly(anyText), type: nearly(anyText), message: nearly(anyText) }, { requiredKeys: [] })), { maxLength: 3 })),
    fault: nearly(
      fc.record({
        faultstring: nearly(anyText),
        detail: nearly(fc.record({ errorcode: nearly(fc.oneof(fc.constantFrom('keymanagement.service.access_token_expired', 'oauth.v2.InvalidAccessToken'), anyText)) })),
      }),
    ),
  },
  { requiredKeys: [] },
);

/** One answer: a status and the exact body text (empty, JSON, or not JSON at all). */
export interface ServerAnswer {
  status: number;
  /** `null` for no body at all. */
  body: string | null;
  contentType: string | undefined;
}

const HTML_PAGES = [
  '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>',
  '<!DOCTYPE html><html><body>Service Unavailable</body></html>',
];

/**
 * Any answer for an operation whose successful body looks like `expected`: often a success with that
 * shape; else any status with that shape, an error shape, any JSON at all, truncated JSON, HTML, plain
 * text or nothing. A 204 never carries a body (a `Response` cannot have one).
 */
export function serverAnswer(expected: fc.Arbitrary<unknown>): fc.Arbitrary<ServerAnswer> {
  const json: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 4, arbitrary: expected },
    { weight: 1, arbitrary: fc.array(expected, { maxLength: 2 }) },
    { weight: 2, arbitrary: errorBody },
    { weight: 2, arbitrary: fc.jsonValue() },
    { weight: 1, arbitrary: knownShape },
  );
  const text: fc.Arbitrary<Pick<ServerAnswer, 'body' | 'contentType'>> = fc.oneof(
    { weight: 8, arbitrary: json.map((value) => ({ body: JSON.stringify(value) ?? '', contentType: 'application/json' })) },
    {
      weight: 1,
      arbitrary: json.chain((value) => {
        const full = JSON.stringify(value) ?? '';
        return fc.nat({ max: Math.max(0, full.length - 1) }).map((end) => ({ body: full.slice(0, end), contentType: 'application/json' }));
      }),
    },
    { weight: 1, arbitrary: fc.constantFrom(...HTML_PAGES).map((body) => ({ body, contentType: 'text/html' })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('', ' ', '\n', 'null', 'undefined', 'NaN', '{}', '[]', '""').map((body) => ({ body, contentType: 'application/json' })),
    },
    { weight: 1, arbitrary: typedText.map((body) => ({ body, contentType: 'text/plain' })) },
    { weight: 1, arbitrary: fc.constant({ body: null, contentType: undefined }) },
  );
  const success = fc
    .tuple(fc.constantFrom(200, 201), expected)
    .map(([status, value]) => ({ status, body: JSON.stringify(value) ?? '', contentType: 'application/json' }));
  const any = fc
    .tuple(apiStatus, text)
    .map(([status, { body, contentType }]) => (status === 204 ? { status, body: null, contentType: undefined } : { status, body, contentType }));
  return fc.oneof({ weight: 2, arbitrary: success }, { weight: 5, arbitrary: any });
}

/** The answer as a `Response`, for an MSW handler. */
export function toResponse(answer: ServerAnswer): Response {
  const headers = answer.contentType ? { 'content-type': answer.contentType } : undefined;
  return new Response(answer.body, { status: answer.status, headers });
}
