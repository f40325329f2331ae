import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { applyServerError, Checkbox, Form, formIssueMessages } from './index';
import type {
  CheckboxProps,
  FieldErrorProps,
  FieldErrorRenderProps,
  ServerErrorLike,
  SubmitProps,
  SubmitRenderProps,
} from './index';

type RenderProp<Children> = Parameters<Extract<Children, (props: never) => unknown>>[0];

const schema = z.object({ email: z.email(), newsletter: z.boolean().default(false) });

describe('Form', () => {
  it('passes the resolver output to onSubmit', () => {
    function Example() {
      const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
        resolver: zodResolver(schema, { error: formIssueMessages }),
      });
      return (
        <Form
          form={form}
          onSubmit={(values) => {
            expectTypeOf(values).toEqualTypeOf<{ email: string; newsletter: boolean }>();
          }}
        />
      );
    }
    expectTypeOf(Example).returns.not.toBeAny();
  });
});

describe('parts', () => {
  it('types render-prop children and forbids props the field owns', () => {
    expectTypeOf<RenderProp<FieldErrorProps['children']>>().toEqualTypeOf<FieldErrorRenderProps>();
    expectTypeOf<RenderProp<SubmitProps['children']>>().toEqualTypeOf<SubmitRenderProps>();
    expectTypeOf<CheckboxProps>().not.toHaveProperty('value');
    expectTypeOf<CheckboxProps>().not.toHaveProperty('name');
    expectTypeOf(Checkbox).parameter(0).not.toBeAny();
  });
});

describe('applyServerError', () => {
  it('accepts any error with a message, status and details', () => {
    class EmporixLikeError extends Error {
      constructor(
        readonly status: number,
        readonly details: Array<{ field?: string; type?: string; message?: string }> = [],
      ) {
        super('Conflict');
      }
    }
    expectTypeOf<EmporixLikeError>().toExtend<ServerErrorLike>();
    expectTypeOf(applyServerError).parameter(1).toEqualTypeOf<ServerErrorLike>();
  });
});
