import { createCustomerClient } from 'emporix-customer-react/api';

const tenant = 'myshop';
const clientId = 'your-storefront-client-id';

// Default: survives reloads and is shared by every tab of the browser.
export const local = createCustomerClient({ tenant, clientId, persistence: 'local' });

// Survives reloads of this tab; every tab has its own session, which ends when the tab closes.
export const perTab = createCustomerClient({ tenant, clientId, persistence: 'session' });

// Nothing in Web Storage: the session ends with the page (a reload starts a new anonymous session).
export const inMemory = createCustomerClient({ tenant, clientId, persistence: 'memory' });
