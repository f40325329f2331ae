/**
 * `emporix-customer-react/queries`: the query keys and query options of the React entry, without its
 * `'use client'` boundary — for code that runs on the server before anything renders: React Server
 * Components, route loaders, prefetching for server rendering. The same functions as the React entry's.
 */
export { callerScope, customerKeys, isCustomerScope, SIGNED_OUT } from '../hooks/customer-keys';
export type { CallerScope } from '../hooks/customer-keys';
export { customerQueries } from '../hooks/customer-queries';
export type { ProfileQueryInput } from '../hooks/customer-queries';
export { prefetchAccountPage } from '../hooks/prefetch-account-page';
