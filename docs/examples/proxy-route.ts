// app/api/emporix/[...path]/route.ts (Next.js App Router)
import { createCustomerProxy } from 'emporix-customer-react/server';

const proxy = createCustomerProxy({ tenant: 'myshop', clientId: process.env.EMPORIX_CLIENT_ID! });
export const GET = proxy.handle;
export const POST = proxy.handle;
export const PATCH = proxy.handle;
export const DELETE = proxy.handle;
