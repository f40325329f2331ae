export { LoginForm } from './login-form';
export type { LoginFormProps } from './login-form';
export { useLoginForm } from './use-login-form';
export type { UseLoginFormOptions } from './use-login-form';
export * as LoginFormParts from './parts';
export { loginMessages } from './messages';
