// lib/emporix-proxy.ts: one proxy for the route handler and the server components (it keeps nothing between requests)
import { createCustomerProxy } from 'emporix-customer-react/server';

export const proxy = createCustomerProxy({ tenant: 'myshop', clientId: process.env.EMPORIX_CLIENT_ID! });
