/**
 * `emporix-customer-react/api`: the framework-free client for the Emporix Customer Service
 * (customer-managed) — no React in here, usable from any JavaScript runtime with `fetch`.
 */
export { createCustomerClient } from './client';
export { DEFAULT_BASE_URL } from './config';
export type {
  CustomerClient,
  CustomerClientOptions,
  CustomerSession,
  LoginResult,
  ProxyModeOptions,
  RequestOptions,
} from './client';
export { EmporixError, redactUrl } from './errors';
export type { EmporixErrorDetail, EmporixErrorInit, EmporixErrorType } from './errors';
export type { ParseIssue, ParseIssueListener } from './parse';
export type { Persistence, PersistenceAdapter } from './persistence';
export { createLocalRefreshLock, createStorageRefreshLock, createWebLocksRefreshLock } from './refresh-lock';
export type { LockManagerLike, RefreshLock, RefreshLockOptions, StorageRefreshLockOptions } from './refresh-lock';
export { DEFAULT_REFRESH_MARGIN_SECONDS } from './session';
export type { SessionContext, SessionEvent, SessionState } from './session';
export { beginSocialLogin, completeSocialLogin } from './social-login';
export type { BeginSocialLoginOptions, SocialLoginTarget } from './social-login';
export type { TabChannel, TabChannelFactory, TabMessage, TabMessageType } from './tab-sync';
export type { RetryPolicy } from './transport';
export * from './schemas';
