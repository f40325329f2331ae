/**
 * Logout. The session ends here at once — tokens in memory and storage, the other tabs told, a pending
 * social login forgotten — whatever the server says. Then the server is asked to end the grant too, so that
 * the refresh token cannot be used any more: with the stored access token while it is valid, else (expired,
 * or refused by the server) with one renewed from the stored refresh token first. That part is best effort:
 * no answer within 10 s, or any failure, still counts as logged out.
 */
import { EmporixError } from './errors';
import { OPERATIONS } from './operations';
import type { EndedLogin, Session } from './session';
import type { Send } from './transport';

/** How long each logout request waits for the server (the local session is gone already). */
const LOGOUT_TIMEOUT_MS = 10_000;

export function createLogout(session: Session, send: Send, tenant: string, forgetSocialLogin: () => void) {
  function tellServer(accessToken: string): Promise<unknown> {
    return send({
      operation: 'logout',
      method: OPERATIONS.logout.method,
      path: OPERATIONS.logout.path.replace('{tenant}', tenant),
      query: { accessToken },
      bearer: accessToken,
      repeatable: false,
      timeoutMs: LOGOUT_TIMEOUT_MS,
    });
  }

  async function endGrant(ended: EndedLogin): Promise<void> {
    const accessToken = await session.endedLoginToken(ended);
    try {
      await tellServer(accessToken);
    } catch (error) {
      const stale = error instanceof EmporixError && error.status === 401 && accessToken === ended.customer.accessToken;
      if (!stale) throw error;
      await tellServer(await session.endedLoginToken(ended, { refused: true }));
    }
  }

  return async function logout(): Promise<void> {
    const { customer, anonymous } = session.end('logout');
    forgetSocialLogin();
    if (!customer) return;
    try {
      await endGrant({ customer, anonymous });
    } catch {
      // Best effort: an unreachable server or a grant it already forgot must not keep anyone logged in.
    }
  };
}
