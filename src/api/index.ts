/**
 * `emporix-customer-react/api`: the framework-free client for the Emporix Customer Service
 * (customer-managed) — no React in here, usable from any JavaScript runtime with `fetch`.
 */
export { createCustomerClient, DEFAULT_BASE_URL } from './client';
export type { CustomerClient, CustomerClientOptions, CustomerSession, LoginResult, RequestOptions } from './client';
export { EmporixError, redactUrl } from './errors';
export type { EmporixErrorDetail, EmporixErrorInit, EmporixErrorType } from './errors';
export type { Persistence, PersistenceAdapter } from './persistence';
export type { SessionContext, SessionEvent, SessionState } from './session';
export type { RetryPolicy } from './transport';
export * from './schemas';
