/** Password change and reset, login-email change. */
import { noContentResponse } from '../responses';
import {
  parseEmailChange,
  parseEmailOnly,
  parsePasswordChange,
  parsePasswordUpdate,
  parseTokenOnly,
} from '../validation';
import type { OperationSpec } from './operation';

const BASE = '/customer/:tenant';

export const credentialOperations: OperationSpec[] = [
  {
    name: 'changePassword',
    method: 'POST',
    path: `${BASE}/password/change`,
    access: 'customer',
    async run(ctx) {
      const { currentPassword, newPassword } = parsePasswordChange(await ctx.json());
      ctx.runtime.state.changePassword(ctx.customer(), currentPassword, newPassword);
      return noContentResponse();
    },
  },
  {
    name: 'requestPasswordReset',
    method: 'POST',
    path: `${BASE}/password/reset`,
    access: 'anonymous',
    async run(ctx) {
      const { email } = parseEmailOnly(await ctx.json());
      ctx.runtime.state.requestPasswordReset(email);
      return noContentResponse();
    },
  },
  {
    name: 'resetPassword',
    method: 'POST',
    path: `${BASE}/password/reset/update`,
    access: 'anonymous',
    async run(ctx) {
      const { token, password } = parsePasswordUpdate(await ctx.json());
      ctx.runtime.state.resetPassword(token, password);
      return noContentResponse();
    },
  },
  {
    name: 'requestEmailChange',
    method: 'POST',
    path: `${BASE}/me/accounts/internal/email/change`,
    access: 'customer',
    async run(ctx) {
      ctx.runtime.state.requestEmailChange(ctx.customer(), parseEmailChange(await ctx.json()));
      return noContentResponse();
    },
  },
  {
    name: 'confirmEmailChange',
    method: 'POST',
    path: `${BASE}/me/accounts/internal/email/change/confirm`,
    access: 'anonymous',
    async run(ctx) {
      const { token } = parseTokenOnly(await ctx.json());
      ctx.runtime.state.confirmEmailChange(token);
      return noContentResponse();
    },
  },
];
