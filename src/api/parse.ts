/**
 * Response parsing for the client: each body goes through its tolerant schema, and a body that does not
 * fit becomes an `EmporixError` of type `malformed_response` (never a crash, never half-typed data).
 */
import * as z from 'zod/mini';
import { EmporixError } from './errors';
import {
  addressDtoSchema,
  addressListSchema,
  customerSchema,
  resourceLocationSchema,
  validateTokenResponseSchema,
  type AddressDto,
  type Customer,
  type ValidateTokenResponse,
} from './schemas';

function parser<T>(schema: z.ZodMiniType<T>) {
  return (raw: unknown, operation: string): T => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(body)'))];
    throw new EmporixError({
      status: 0,
      type: 'malformed_response',
      message: `The Emporix API answered ${operation} with an unexpected body (${fields.join(', ')}).`,
      operation,
    });
  };
}

export const parseCustomer: (raw: unknown, operation: string) => Customer = parser(customerSchema);
export const parseAddress: (raw: unknown, operation: string) => AddressDto = parser(addressDtoSchema);
export const parseAddressList: (raw: unknown, operation: string) => AddressDto[] = parser(addressListSchema);
export const parseValidateToken: (raw: unknown, operation: string) => ValidateTokenResponse =
  parser(validateTokenResponseSchema);

/** `{ id }` of something the API created; an answer without an id is malformed. */
export const parseResourceLocation: (raw: unknown, operation: string) => { id: string } = parser(
  /* @__PURE__ */ z.required(resourceLocationSchema),
);
