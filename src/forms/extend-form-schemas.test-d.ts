/**
 * An app extends the exported form schemas in the zod it writes — classic `zod` or `zod/mini` — and the result
 * types its form: values, resolver and `useForm` line up without a cast.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type Resolver } from 'react-hook-form';
import { describe, expectTypeOf, it } from 'vitest';
import * as z from 'zod';
import * as zm from 'zod/mini';
import { loginFormSchema, signupFormSchema, type SignupFormInput, type SignupFormValues } from './index';

/** An object type written out, so that `A & B` and the same fields in one object compare equal. */
type Flat<T> = { [K in keyof T]: T[K] };

describe('form schemas, extended by an app', () => {
  it('classic zod: a new object from the shape has the fields of both, and classic methods', () => {
    const schema = z.object({ ...loginFormSchema.shape, rememberMe: z.boolean() });
    type Values = { email: string; password: string; rememberMe: boolean };
    expectTypeOf<z.input<typeof schema>>().toEqualTypeOf<Values>();
    expectTypeOf<z.output<typeof schema>>().toEqualTypeOf<Values>();
    expectTypeOf(zodResolver(schema)).toEqualTypeOf<Resolver<Values, unknown, Values>>();
    expectTypeOf(schema.extend({ newsletter: z.boolean() }).shape.newsletter).toEqualTypeOf<z.ZodBoolean>();
  });

  it('zod/mini: extend keeps the input and output types of the schema and adds the new field', () => {
    const schema = zm.extend(signupFormSchema, { acceptTerms: z.boolean() });
    expectTypeOf(schema.shape.acceptTerms).toEqualTypeOf<z.ZodBoolean>();
    expectTypeOf<Flat<z.input<typeof schema>>>().toEqualTypeOf<Flat<SignupFormInput & { acceptTerms: boolean }>>();
    expectTypeOf<Flat<z.output<typeof schema>>>().toEqualTypeOf<Flat<SignupFormValues & { acceptTerms: boolean }>>();
  });

  it('types useForm like a schema of the app’s own', () => {
    const schema = z.object({ ...signupFormSchema.shape, newsletter: z.boolean() });
    function useExtendedForm() {
      return useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema) });
    }
    expectTypeOf(useExtendedForm).returns.toHaveProperty('handleSubmit');
    type Submitted = Parameters<Parameters<ReturnType<typeof useExtendedForm>['handleSubmit']>[0]>[0];
    expectTypeOf<Flat<Submitted>>().toEqualTypeOf<Flat<SignupFormValues & { newsletter: boolean }>>();
  });
});
