/**
 * Two customers' requests interleaved on the proxy never mix. The proxy keeps nothing between requests:
 * each one acts only with the tokens of its own cookies. fast-check picks the commands, which of two
 * proxy instances serves each, and the order in which the API's answers arrive; whatever it picks, every
 * answer belongs to the customer who asked, and every write lands in that customer's account.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setupProxy, type Browser, type SendOptions } from './support';

const customers = [
  { email: 'ada@example.com', password: 'ada-secret-1', firstName: 'Ada' },
  { email: 'bob@example.com', password: 'bob-secret-2', firstName: 'Bob' },
] as const;

const setup = setupProxy({ simulator: { customers: [...customers] } });

type Operation = 'me' | 'addresses' | 'createAddress' | 'rename' | 'validate' | 'refresh';
interface Command {
  who: 0 | 1;
  operation: Operation;
  /** Which of the two proxy instances serves it. */
  via: 0 | 1;
}

const commandArbitrary: fc.Arbitrary<Command> = fc.record({
  who: fc.constantFrom(0 as const, 1 as const),
  operation: fc.constantFrom<Operation>('me', 'addresses', 'createAddress', 'rename', 'validate', 'refresh'),
  via: fc.constantFrom(0 as const, 1 as const),
});

describe('two customers on one proxy', () => {
  it('interleaved requests never see or change the other customer’s data', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(commandArbitrary, { minLength: 2, maxLength: 14 }), async (s, commands) => {
        run += 1;
        const scheduledFetch = s.scheduleFunction((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
        const proxies = [setup.createProxy({ fetch: scheduledFetch }), setup.createProxy({ fetch: scheduledFetch })];
        const browsers = customers.map(() => setup.browser());
        const t = setup.tenantPath;
        const created: string[][] = [[], []];

        const session = async (who: 0 | 1, browser: Browser) => {
          const owner = customers[who];
          const prefix = `${owner.firstName}-${run}-`;
          const login = await browser.send('POST', t('/login'), { body: { email: owner.email, password: owner.password } });
          expect(login.status).toBe(200);
          const mine = commands.filter((command) => command.who === who);
          for (const [index, command] of mine.entries()) {
            const send = (method: string, path: string, options: SendOptions = {}) =>
              browser.send(method, path, { ...options, via: proxies[command.via] });
            switch (command.operation) {
              case 'me': {
                const me = await send('GET', t('/me'), { query: { expand: 'addresses' } });
                expect(me.json.accounts[0].id).toBe(owner.email);
                for (const address of me.json.addresses) expect(address.contactName).toMatch(new RegExp(`^${owner.firstName}-`));
                break;
              }
              case 'addresses': {
                const list = await send('GET', t('/me/addresses'));
                expect(list.status).toBe(200);
                for (const address of list.json) expect(address.contactName).toMatch(new RegExp(`^${owner.firstName}-`));
                break;
              }
              case 'createAddress': {
                const address = await send('POST', t('/me/addresses'), { body: { contactName: `${prefix}${index}` } });
                expect(address.status).toBe(201);
                created[who]!.push(address.json.id);
                break;
              }
              case 'rename':
                expect((await send('PATCH', t('/me'), { body: { middleName: `${prefix}${index}` } })).status).toBe(200);
                break;
              case 'validate':
                expect((await send('GET', t('/validateauthtoken'))).json.email).toBe(owner.email);
                break;
              case 'refresh': {
                const refreshed = await send('GET', t('/refreshauthtoken'));
                expect(refreshed.status).toBe(200);
                expect(refreshed.json.loginId).toBe(login.json.loginId);
                break;
              }
            }
          }
          return login.json.loginId as string;
        };

        const loginIds = await s.waitFor(Promise.all([session(0, browsers[0]!), session(1, browsers[1]!)]));

        expect(loginIds[0]).not.toBe(loginIds[1]);
        for (const who of [0, 1] as const) {
          const mine = setup.sim().getCustomer(customers[who].email)!;
          const theirs = setup.sim().getCustomer(customers[1 - who]!.email)!;
          const mineIds = mine.addresses.map((address) => address.id);
          for (const id of created[who]!) expect(mineIds).toContain(id);
          for (const id of created[1 - who]!) expect(mineIds).not.toContain(id);
          expect(mine.middleName ?? `${customers[who].firstName}-`).toMatch(new RegExp(`^${customers[who].firstName}-`));
          expect(theirs.id).not.toBe(mine.id);
          expect(browsers[who]!.cookie('login')?.value).toBe(loginIds[who]);
        }
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});
