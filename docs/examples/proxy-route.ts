// app/api/emporix/[...path]/route.ts (Next.js App Router)
import { proxy } from './emporix-proxy';

export const GET = proxy.handle;
export const POST = proxy.handle;
export const PATCH = proxy.handle;
export const DELETE = proxy.handle;
