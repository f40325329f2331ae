/** Keeps secrets out of what the proxy passes on: every string of a JSON value, at any depth, keys included. */
import { scrubSecrets } from '../api/errors';

export function scrubDeep(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return scrubSecrets(value, secrets);
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, secrets));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [scrubSecrets(key, secrets), scrubDeep(inner, secrets)]),
    );
  }
  return value;
}

/** Body values under keys that name passwords or tokens, at any depth: what an echo must never repeat. */
export function bodySecrets(value: unknown, into: Set<string>, key = ''): void {
  if (typeof value === 'string') {
    if (/password|token/i.test(key)) into.add(value);
    return;
  }
  if (value && typeof value === 'object') {
    for (const [name, inner] of Object.entries(value)) bodySecrets(inner, into, name);
  }
}
