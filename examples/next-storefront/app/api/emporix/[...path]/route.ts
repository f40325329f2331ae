/**
 * The proxy: every call of the browser client (`createCustomerClient({ proxy: '/api/emporix' })`) lands here
 * and goes on to the Emporix API, with the tokens kept in HttpOnly cookies.
 */
import { emporixProxy } from '../../../../lib/emporix';

function handle(request: Request): Promise<Response> {
  return emporixProxy().handle(request);
}

export { handle as DELETE, handle as GET, handle as PATCH, handle as POST };
