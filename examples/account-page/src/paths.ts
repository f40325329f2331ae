/** The app's routes, in one place: the router and the simulator's mail links both use them. */
export const paths = {
  home: '/',
  login: '/login',
  signup: '/signup',
  confirmSignup: '/signup/confirm',
  forgotPassword: '/password/forgot',
  resetPassword: '/password/reset',
  account: '/account',
  confirmEmail: '/email/confirm',
} as const;
