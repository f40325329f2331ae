/**
 * Sizes the proxy refuses to exceed.
 *
 * Bodies: the largest body this service takes is a signup or an address, a few kilobytes even with custom
 * `mixins`. The API itself accepts 10 MB, but a proxy that buffers that much per request invites memory
 * exhaustion; 64 KiB leaves more than ten times the room a real body needs. Beyond it: 413.
 */
export const MAX_BODY_BYTES = 64 * 1024;

/** The API refuses URLs over 10 KB; the proxy refuses them before they cost an upstream call (414). */
export const MAX_URL_BYTES = 10 * 1024;

/** Browsers keep a cookie only while its name and value stay within 4096 bytes. */
export const MAX_COOKIE_BYTES = 4096;
