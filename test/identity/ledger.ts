/**
 * What the identity test knows of who is who, learnt from outside the library: every sign-in the server
 * granted (a grant: its access and refresh tokens, across refreshes), which per-login id each grant became
 * in the tabs, and why each login ended. The library's own bookkeeping is never consulted.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** An operation as a tab started it: who was logged in there at that moment (`undefined`: a guest). */
export interface OperationContext {
  tab: string;
  operation: string;
  identity: string | undefined;
  /** The grant a login operation's answer created. */
  grant?: Grant;
}

/** The operation whose work is running now, carried along every await of it. */
export const operations = new AsyncLocalStorage<OperationContext>();

export type EndCause = 'logout' | 'refusal' | 'replaced';

export interface Grant {
  id: number;
  who: string;
  /** When its newest refresh token lapses (epoch ms). */
  refreshExpiresAt: number;
}

interface Login {
  grant: Grant;
  seq: number;
  causes: Set<EndCause>;
}

export class IdentityLedger {
  private readonly grantOfAccess = new Map<string, Grant>();
  private readonly grantOfRefresh = new Map<string, Grant>();
  private readonly logins = new Map<string, Login>();
  private nextGrant = 1;
  private nextSeq = 1;

  /** A token answer: of a sign-in (`refreshed` undefined: a new grant for `who`) or of a refresh. */
  learn(body: unknown, who: string | undefined, refreshed: string | null, now: number): Grant | undefined {
    const answer = body as { access_token?: unknown; refresh_token?: unknown; refresh_token_expires_in?: unknown } | null;
    const previous = refreshed === null ? undefined : this.grantOfRefresh.get(refreshed);
    const grant = previous ?? (who === undefined ? undefined : { id: this.nextGrant++, who, refreshExpiresAt: 0 });
    if (!grant) return undefined;
    if (typeof answer?.access_token === 'string') this.grantOfAccess.set(answer.access_token, grant);
    if (typeof answer?.refresh_token === 'string') {
      this.grantOfRefresh.set(answer.refresh_token, grant);
      grant.refreshExpiresAt = now + Number(answer.refresh_token_expires_in ?? 0) * 1000;
    }
    return grant;
  }

  accessGrant(token: string | null | undefined): Grant | undefined {
    return token ? this.grantOfAccess.get(token) : undefined;
  }

  refreshGrant(token: string | null | undefined): Grant | undefined {
    return token ? this.grantOfRefresh.get(token) : undefined;
  }

  /** A tab showed a new login for the first time, inside the operation that created it. */
  bind(loginId: string, grant: Grant): void {
    if (this.logins.has(loginId)) return;
    for (const login of this.logins.values()) login.causes.add('replaced');
    this.logins.set(loginId, { grant, seq: this.nextSeq++, causes: new Set() });
  }

  grantOf(loginId: string | undefined): Grant | undefined {
    return loginId === undefined ? undefined : this.logins.get(loginId)?.grant;
  }

  whoIs(loginId: string | undefined): string | undefined {
    return this.grantOf(loginId)?.who;
  }

  /** Someone logged out login `loginId`, or the server refused a refresh of its grant. */
  ended(loginId: string | undefined, cause: EndCause): void {
    if (loginId !== undefined) this.logins.get(loginId)?.causes.add(cause);
  }

  refused(grant: Grant): void {
    for (const login of this.logins.values()) if (login.grant === grant) login.causes.add('refusal');
  }

  /**
   * Why login `loginId` is over, if it may be: its own logout, a refused refresh of its grant, a newer login,
   * or its refresh token lapsed (then nothing can renew it).
   */
  causeOfEnd(loginId: string, now: number): EndCause | 'lapsed' | undefined {
    const login = this.logins.get(loginId);
    if (!login) return undefined;
    const [cause] = login.causes;
    if (cause) return cause;
    return login.grant.refreshExpiresAt <= now ? 'lapsed' : undefined;
  }

  causes(loginId: string): ReadonlySet<EndCause> {
    return this.logins.get(loginId)?.causes ?? new Set();
  }

  knownLogins(): string[] {
    return [...this.logins.keys()];
  }
}
