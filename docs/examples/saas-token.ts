import type { CustomerClient } from 'emporix-customer-react/api';

/**
 * The headers a call to another Emporix service (checkout, orders) makes for the logged-in customer, or
 * `undefined` when there is no valid SaaS token: none came with the login, or it has expired — refreshes bring
 * no new one, so the customer has to log in again.
 */
export async function customerServiceHeaders(client: CustomerClient): Promise<Record<string, string> | undefined> {
  const saasToken = client.session.getSaasToken();
  if (saasToken === undefined) return undefined;
  return { authorization: `Bearer ${await client.session.getAccessToken()}`, 'saas-token': saasToken };
}
