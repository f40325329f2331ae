export * from './form';
export * from './login-form';
