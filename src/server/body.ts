/** The request body: JSON only, read up to a limit (never trusting `Content-Length` alone), parsed once. */
import { MAX_BODY_BYTES } from './limits';
import { proxyErrors } from './responses';

export function isJsonContentType(value: string): boolean {
  const type = value.split(';', 1)[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type);
}

/** The JSON object the request carries, or `undefined` without a body. */
export async function readJsonBody(request: Request): Promise<Record<string, unknown> | undefined> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > MAX_BODY_BYTES) throw proxyErrors.tooLarge();
  if (request.body === null) return undefined;
  if (request.headers.get('content-type') === null) throw proxyErrors.unsupportedMediaType();
  const bytes = await readAtMost(request.body, MAX_BODY_BYTES);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw proxyErrors.badRequest('The request body is not UTF-8 text.');
  }
  if (text.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw proxyErrors.badRequest('The request body is not valid JSON.');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw proxyErrors.badRequest('The request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

async function readAtMost(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw proxyErrors.tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
