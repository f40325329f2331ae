/**
 * The identity test's commands (fast-check): what the shoppers do in the three tabs — log in as Jane or
 * Bob, switch from one to the other, log out, rename themselves, add and delete addresses, reload data,
 * refresh — several tabs at once, plus what the server does (every customer access token refused with a
 * 401, every refresh token revoked) and what time does (reloads, hours passing). After each step the
 * world's invariants are checked.
 */
import fc from 'fast-check';
import { SHOPPERS, type IdentityWorld, type Shopper } from './world';

/** Nothing to predict: the invariants are checked on the real system itself. */
export type Model = Record<string, never>;

export type Action =
  | { do: 'login' | 'relogin'; who: Shopper }
  | { do: 'logout' | 'rename' | 'addAddress' | 'deleteAddress' | 'read' | 'refresh' };

export abstract class Step implements fc.AsyncCommand<Model, IdentityWorld> {
  check(): boolean {
    return true;
  }

  async run(_model: Model, world: IdentityWorld): Promise<void> {
    world.beginStep(this.toString());
    await this.act(world);
    world.check();
  }

  protected abstract act(world: IdentityWorld): Promise<void>;
  abstract toString(): string;
}

const tabName = (index: number) => `tab ${index + 1}`;
const describe = (action: Action) => ('who' in action ? `${action.do} ${action.who}` : action.do);

/** What one action does in one tab, as an operation the world runs. */
function operation(world: IdentityWorld, index: number, action: Action): () => Promise<unknown> {
  const tab = world.tab(index);
  const hooks = () => tab.hooks.current;
  const me = world.shopperIn(index);
  const pick = <T>(list: readonly T[]) => list[world.nextNumber() % list.length] as T;
  switch (action.do) {
    case 'login':
      world.stats.logins += 1;
      return () => tab.client.login(SHOPPERS[action.who]);
    case 'relogin':
      world.stats.logins += 1;
      world.stats.logouts += 1;
      return async () => {
        await tab.client.logout();
        await tab.client.login(SHOPPERS[action.who]);
      };
    case 'logout':
      world.stats.logouts += 1;
      return () => tab.client.logout();
    case 'rename':
      world.stats.writes += 1;
      return async () => hooks()?.updateCustomer.mutateAsync({ firstName: pick(me ? SHOPPERS[me].firstNames : ['Nobody']) });
    case 'addAddress':
      world.stats.writes += 1;
      return async () =>
        hooks()?.createAddress.mutateAsync({ contactName: `${me ?? 'Nobody'} ${me ? SHOPPERS[me].lastName : ''} · ${world.nextNumber()}`, city: 'Hamburg' });
    case 'deleteAddress': {
      const id = hooks()?.addresses?.[0]?.id;
      world.stats.writes += 1;
      return async () => (id === undefined ? undefined : hooks()?.deleteAddress.mutateAsync(id));
    }
    case 'read':
      return () => tab.queryClient.invalidateQueries();
    case 'refresh':
      return () => tab.client.refreshCustomerToken();
  }
}

/** Several tabs act at the same moment; the random latency of each request decides the interleaving. */
export class Together extends Step {
  constructor(readonly actions: (Action | undefined)[]) {
    super();
  }
  protected async act(world: IdentityWorld): Promise<void> {
    const planned = this.actions.flatMap((action, index) => (action ? [{ action, index }] : []));
    await world.run(
      planned.map(({ action, index }) => ({ label: `${tabName(index)} ${describe(action)}`, run: operation(world, index, action) })),
    );
  }
  toString(): string {
    return `together: ${this.actions.flatMap((action, index) => (action ? [`${tabName(index)} ${describe(action)}`] : [])).join(', ')}`;
  }
}

/** The server refuses every customer access token issued so far (401): the next requests renew and replay. */
export class Expire extends Step {
  protected async act(world: IdentityWorld): Promise<void> {
    world.sim.expireTokens('customer');
    await world.settle();
  }
  toString(): string {
    return 'server: customer access tokens expire (401s)';
  }
}

/** The server revokes every customer refresh token issued so far: the next refresh is refused. */
export class RefuseRefresh extends Step {
  protected async act(world: IdentityWorld): Promise<void> {
    world.sim.revokeRefreshTokens('customer');
    await world.settle();
  }
  toString(): string {
    return 'server: customer refresh tokens revoked (refreshes refused)';
  }
}

export class Reload extends Step {
  constructor(readonly tab: number) {
    super();
  }
  protected async act(world: IdentityWorld): Promise<void> {
    world.reload(this.tab);
    await world.settle();
  }
  toString(): string {
    return `reload ${tabName(this.tab)}`;
  }
}

export class Advance extends Step {
  constructor(readonly ms: number) {
    super();
  }
  protected async act(world: IdentityWorld): Promise<void> {
    await world.advance(this.ms);
  }
  toString(): string {
    return `advance ${(this.ms / 60_000).toFixed(1)} min`;
  }
}

const who = fc.constantFrom<Shopper>('Jane', 'Bob');
const action: fc.Arbitrary<Action | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: who.map((name): Action => ({ do: 'login', who: name })) },
  { weight: 2, arbitrary: who.map((name): Action => ({ do: 'relogin', who: name })) },
  { weight: 2, arbitrary: fc.constant<Action>({ do: 'logout' }) },
  { weight: 3, arbitrary: fc.constant<Action>({ do: 'rename' }) },
  { weight: 2, arbitrary: fc.constant<Action>({ do: 'addAddress' }) },
  { weight: 1, arbitrary: fc.constant<Action>({ do: 'deleteAddress' }) },
  { weight: 3, arbitrary: fc.constant<Action>({ do: 'read' }) },
  { weight: 2, arbitrary: fc.constant<Action>({ do: 'refresh' }) },
);

export const stepArbitrary: fc.Arbitrary<fc.AsyncCommand<Model, IdentityWorld>> = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(action, action, action).filter((list) => list.some(Boolean)).map((list) => new Together(list)) },
  { weight: 3, arbitrary: fc.constant(new Expire()) },
  { weight: 1, arbitrary: fc.constant(new RefuseRefresh()) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 2 }).map((tab) => new Reload(tab)) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 180 }).map((minutes) => new Advance(minutes * 60_000)) },
);
