/**
 * Turns an operation spec into an MSW handler: latency, fault injection, tenant and token checks,
 * refusal rendering and the request log are done here once for all 25 operations.
 */
import { delay, http, type HttpHandler } from 'msw';
import type { CustomerRecord } from '../records';
import { Refusal, refuse } from '../refusal';
import { injectedFaultResponse, refusalResponse } from '../responses';
import type { Runtime } from '../runtime';
import type { AccessRecord } from '../token-store';
import type { SimulatorEvidenceCase } from '../evidence';
import type { SimulatorAuth, SimulatorOperation } from '../types';
import { asObject, type JsonObject } from '../validation';

/** Which bearer an operation needs: none, an anonymous one, a customer one, or either. */
export type Access = 'none' | 'anonymous' | 'customer' | 'either';

export type Caller =
  | { kind: 'none' }
  | { kind: 'invalid'; expired: boolean }
  | { kind: 'anonymous'; token: AccessRecord }
  | { kind: 'customer'; token: AccessRecord; customer: CustomerRecord };

export interface OperationContext {
  readonly runtime: Runtime;
  readonly request: Request;
  readonly url: URL;
  readonly params: Readonly<Record<string, string>>;
  readonly caller: Caller;
  /** A non-empty query parameter. */
  query(name: string): string | undefined;
  /** The JSON object body ({} when empty); 400 when it is not JSON. */
  json(): Promise<JsonObject>;
  /** The calling customer (the operation's access must be 'customer'). */
  customer(): CustomerRecord;
  /** The calling anonymous token (the operation's access must be 'anonymous'). */
  anonymous(): AccessRecord;
}

export interface OperationSpec {
  name: SimulatorOperation;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** MSW path pattern relative to the base URL. */
  path: string;
  access: Access;
  /** Rewrites the logged path (to keep tokens out of the log). */
  redactPath?: (pathname: string) => string;
  run(ctx: OperationContext): Response | Promise<Response>;
}

function bearerOf(request: Request): string | undefined | null {
  const header = request.headers.get('authorization');
  if (header === null) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? (match[1] as string) : null;
}

function resolveCaller(runtime: Runtime, request: Request): Caller {
  const token = bearerOf(request);
  if (token === undefined) return { kind: 'none' };
  if (token === null) return { kind: 'invalid', expired: false };
  const lookup = runtime.tokens.lookupAccess(token);
  if (lookup.status === 'unknown') return { kind: 'invalid', expired: false };
  if (lookup.status === 'expired') return { kind: 'invalid', expired: true };
  if (lookup.record.kind === 'anonymous') return { kind: 'anonymous', token: lookup.record };
  const customer = runtime.state.byId(lookup.record.customerId);
  return customer ? { kind: 'customer', token: lookup.record, customer } : { kind: 'invalid', expired: false };
}

function authLabel(caller: Caller): SimulatorAuth {
  return caller.kind;
}

/** 401 for a missing/unknown/expired bearer, 403 for the wrong kind of token. */
function guardAccess(access: Access, caller: Caller): void {
  if (access === 'none') return;
  if (caller.kind === 'none') throw refuse.invalidAccessToken();
  if (caller.kind === 'invalid') throw caller.expired ? refuse.accessTokenExpired() : refuse.invalidAccessToken();
  if (access !== 'either' && caller.kind !== access) throw refuse.forbidden();
}

async function readJson(request: Request): Promise<JsonObject> {
  const text = await request.text();
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw refuse.malformedBody('The request body is not valid JSON.');
  }
  const object = asObject(parsed);
  if (!object) throw refuse.malformedBody('The request body must be a JSON object.');
  return object;
}

function makeContext(runtime: Runtime, request: Request, params: Record<string, string>, caller: Caller): OperationContext {
  const url = new URL(request.url);
  return {
    runtime,
    request,
    url,
    params,
    caller,
    query: (name) => url.searchParams.get(name)?.trim() || undefined,
    json: () => readJson(request),
    customer: () => {
      if (caller.kind !== 'customer') throw new Error('Simulator: operation needs a customer caller.');
      return caller.customer;
    },
    anonymous: () => {
      if (caller.kind !== 'anonymous') throw new Error('Simulator: operation needs an anonymous caller.');
      return caller.token;
    },
  };
}

interface Answer {
  response: Response;
  /** The situation a refusal answered. */
  evidence?: SimulatorEvidenceCase;
}

async function answer(spec: OperationSpec, ctx: OperationContext): Promise<Answer> {
  try {
    const tenant = ctx.params.tenant;
    if (tenant !== undefined && tenant !== ctx.runtime.config.tenant) throw refuse.invalidTenantPath();
    guardAccess(spec.access, ctx.caller);
    return { response: await spec.run(ctx) };
  } catch (error) {
    if (error instanceof Refusal) return { response: refusalResponse(error, ctx.runtime.undocumented), evidence: error.evidence };
    throw error;
  }
}

function stringParams(params: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) if (typeof value === 'string') out[key] = value;
  return out;
}

async function serve(runtime: Runtime, spec: OperationSpec, request: Request, params: Record<string, string>): Promise<Response> {
  if (runtime.latencyMs > 0) await delay(runtime.latencyMs);
  runtime.store?.load(runtime);
  const pathname = new URL(request.url).pathname;
  const caller = resolveCaller(runtime, request);
  const fault = runtime.faults.take(request.method, pathname);
  const { response, evidence } =
    fault === undefined
      ? await answer(spec, makeContext(runtime, request, params, caller))
      : { response: injectedFaultResponse(fault), evidence: undefined };
  runtime.store?.save(runtime);
  runtime.log.record({
    method: request.method.toUpperCase(),
    path: spec.redactPath ? spec.redactPath(pathname) : pathname,
    operation: spec.name,
    auth: authLabel(caller),
    status: response.type === 'error' ? 0 : response.status,
    ...(evidence ? { evidence } : {}),
  });
  return response;
}

/**
 * The parsed write without its `metadata.version` when the settings say a stale version is ignored (the
 * write then applies whatever version it names).
 */
export function withoutVersionWhenIgnored<T extends { version?: number }>(ctx: OperationContext, input: T): T {
  if (ctx.runtime.undocumented.staleVersion !== 'ignored') return input;
  const { version: _version, ...rest } = input;
  return rest as T;
}

export function toHandler(runtime: Runtime, spec: OperationSpec): HttpHandler {
  const route = http[spec.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'];
  return route(`${runtime.config.baseUrl}${spec.path}`, ({ request, params }) =>
    serve(runtime, spec, request, stringParams(params)),
  );
}
