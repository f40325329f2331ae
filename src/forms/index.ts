export { loginFormSchema } from './login-form-schema';
export type { LoginFormInput, LoginFormValues } from './login-form-schema';
