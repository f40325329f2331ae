/** `bytes` random bytes from the platform's crypto, as lowercase hex (two characters per byte). */
export function randomHex(bytes: number): string {
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}
