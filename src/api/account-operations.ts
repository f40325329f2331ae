/** The logged-in customer's account: profile, token details, password and login email; password reset. */
import type { Call } from './bound-call';
import { parseCustomer, parseValidateToken } from './parse';
import { joinList, type RequestOptions } from './request-options';
import type {
  ChangeEmailRequest,
  Customer,
  CustomerPatch,
  PasswordChange,
  PasswordResetRequest,
  PasswordUpdate,
  ValidateTokenResponse,
} from './schemas';

export function accountOperations(call: Call) {
  return {
    /**
     * The caller's profile. With an anonymous session the API answers a placeholder "Anonymous" profile
     * (id `00000000`): check `session.getState().status` before treating it as a customer.
     */
    async getCustomer(input?: { expand?: readonly string[] | string }, options?: RequestOptions): Promise<Customer> {
      const raw = await call('getCustomer', { query: { expand: joinList(input?.expand) }, signal: options?.signal });
      return parseCustomer(raw, 'getCustomer');
    },

    /**
     * Changes the logged-in customer's profile (`PATCH …/me`); send only the fields to change. A write: it is never
     * repeated automatically.
     */
    async updateCustomer(patch: CustomerPatch): Promise<void> {
      await call('updateCustomer', { body: patch });
    },

    /**
     * Asks the API about the logged-in customer's token: seconds left, scope, session id, login email and legal
     * entity.
     */
    async validateToken(options?: RequestOptions): Promise<ValidateTokenResponse> {
      return parseValidateToken(await call('validateToken', { signal: options?.signal }), 'validateToken');
    },

    /** Changes the logged-in customer's password; `currentPassword` must be the one in use. */
    async changePassword(body: PasswordChange): Promise<void> {
      await call('changePassword', { body });
    },

    /** Mails a reset token; answers the same whether or not the email has an account. */
    async requestPasswordReset(body: PasswordResetRequest): Promise<void> {
      await call('requestPasswordReset', { body });
    },

    /** Sets a new password with the token from the reset mail; afterwards the customer logs in with it. */
    async resetPassword(body: PasswordUpdate): Promise<void> {
      await call('resetPassword', { body });
    },

    /** Asks to change the login email; a token is mailed to the new address. */
    async requestEmailChange(body: ChangeEmailRequest): Promise<void> {
      await call('requestEmailChange', { body });
    },

    /**
     * Confirms a login-email change with the token mailed to the new address; from then on the customer logs in with
     * the new email.
     */
    async confirmEmailChange(body: { token: string }): Promise<void> {
      await call('confirmEmailChange', { body });
    },
  };
}
