/**
 * One request of the tenant check, seen whole: status, headers and body, or why no answer came. The check
 * needs what a client hides on purpose (response headers for CORS, an HTML page where JSON was due), and it
 * must not retry, so it speaks to `fetch` directly.
 */

export type ProbeResult =
  | { kind: 'answer'; status: number; headers: Headers; text: string; json: unknown }
  | { kind: 'unreachable'; reason: 'network' | 'timeout' };

export interface ProbeRequest {
  method: 'GET' | 'OPTIONS';
  url: URL;
  headers?: Record<string, string>;
}

export async function probe(
  doFetch: typeof globalThis.fetch,
  request: ProbeRequest,
  timeoutMs: number,
): Promise<ProbeResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await doFetch(request.url, {
      method: request.method,
      headers: { accept: 'application/json', ...request.headers },
      signal: controller.signal,
    });
    const text = await response.text();
    return { kind: 'answer', status: response.status, headers: response.headers, text, json: parseJson(text) };
  } catch {
    return { kind: 'unreachable', reason: controller.signal.aborted ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
  }
}

function parseJson(text: string): unknown {
  try {
    return text.trim() ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/** `fault.faultstring` / `fault.detail.errorcode` of a gateway refusal, `message` / `type` of an ErrorMessage. */
export function refusalOf(json: unknown): { code?: string; text?: string } {
  const body = record(json);
  const fault = record(body?.fault);
  const code = stringOf(record(fault?.detail)?.errorcode) ?? stringOf(body?.type);
  const text = stringOf(fault?.faultstring) ?? stringOf(body?.message);
  return { ...(code ? { code } : {}), ...(text ? { text } : {}) };
}

export function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
