/**
 * Fetch wrappers that hold an answer the server has already given, until the test lets it through — so a
 * test can change the session (log out, log another customer in) while a request or a renewal is out.
 */

export interface Gate {
  fetch: typeof fetch;
  /** Resolves once a matching answer is being held. */
  held: Promise<void>;
  open(): void;
}

/** Holds the first answer to a request whose method and path match, until `open()`. */
export function gateFirst(method: string, path: RegExp, inner: typeof fetch = fetch): Gate {
  let open!: () => void;
  let arrived!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const held = new Promise<void>((resolve) => (arrived = resolve));
  let used = false;
  const gated: typeof fetch = async (input, init) => {
    const response = await inner(input, init);
    const matches = (init?.method ?? 'GET') === method && path.test(new URL(String(input)).pathname);
    if (matches && !used) {
      used = true;
      arrived();
      await gate;
    }
    return response;
  };
  return { fetch: gated, held, open };
}

/**
 * Lets the server carry the request out, then answers `status` instead of what it said — a gateway that
 * timed out after the service had done its work.
 */
export function loseAnswer(method: string, path: RegExp, status = 504, inner: typeof fetch = fetch): typeof fetch {
  let lost = false;
  return async (input, init) => {
    const response = await inner(input, init);
    const matches = (init?.method ?? 'GET') === method && path.test(new URL(String(input)).pathname);
    if (!matches || lost) return response;
    lost = true;
    return new Response('<html>Gateway Timeout</html>', { status, headers: { 'content-type': 'text/html' } });
  };
}

/** Answers token responses without `saas_token` (the spec allows it), so the client cannot tell customers apart by it. */
export const withoutSaasToken: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (!/\/(login|refreshauthtoken)$/.test(new URL(String(input)).pathname) || !response.ok) return response;
  const { saas_token: _saas, ...body } = (await response.json()) as Record<string, unknown>;
  return Response.json(body, { status: response.status });
};
