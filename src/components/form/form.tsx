import { Slot } from './slot';
import { forwardRef, useRef, useState } from 'react';
import type { ComponentPropsWithoutRef, ForwardedRef, FormEvent, ReactNode, RefAttributes } from 'react';
import { FormProvider, useFormState } from 'react-hook-form';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { applyServerError, isServerErrorLike } from './apply-server-error';
import { FormAlertFocusContext, type FormAlertFocus } from './form-alert-focus';

/** Props of {@link Form}. */
export interface FormProps<TFieldValues extends FieldValues, TContext, TTransformedValues>
  extends Omit<ComponentPropsWithoutRef<'form'>, 'onSubmit'> {
  /** The `useForm()` result the form's fields register with. */
  form: UseFormReturn<TFieldValues, TContext, TTransformedValues>;
  /**
   * Called with the validated values. While its promise is pending the form is `data-pending` and `<Submit>`
   * is disabled. If it throws, the error is shown by `<FormError>`: an error with an HTTP `status` goes through
   * {@link applyServerError}, anything else becomes `form.unknownError`. Catch errors yourself for a `fieldMap`.
   */
  onSubmit: (values: TTransformedValues) => unknown;
  /** Render the user's own element instead of a `<form>`, merging props, handlers and `className`. */
  asChild?: boolean;
}

type FormComponent = <TFieldValues extends FieldValues, TContext = unknown, TTransformedValues = TFieldValues>(
  props: FormProps<TFieldValues, TContext, TTransformedValues> & RefAttributes<HTMLFormElement>,
) => ReactNode;

/**
 * The root of a form built from the parts: a `<form noValidate>` that provides `form` to `<Field>`,
 * `<FormError>` and `<Submit>`, validates through react-hook-form and calls `onSubmit` with the values.
 * A new submit clears the previous `root.server` error and is ignored while one is in flight. The root
 * subscribes to the submitting state only, so typing never re-renders it.
 *
 * @selector [data-pending] - the form is submitting
 *
 * @example
 * ```tsx
 * const form = useForm({ resolver: zodResolver(schema, { error: formIssueMessages }), defaultValues });
 * return (
 *   <Form form={form} onSubmit={(values) => login.mutateAsync(values)}>
 *     <FormError />
 *     <Field name="email">
 *       <Label>Email</Label>
 *       <Input type="email" autoComplete="email" />
 *       <FieldError />
 *     </Field>
 *     <Submit>{({ pending }) => (pending ? 'Signing in…' : 'Sign in')}</Submit>
 *   </Form>
 * );
 * ```
 */
export const Form = forwardRef(function Form<
  TFieldValues extends FieldValues,
  TContext,
  TTransformedValues,
>(
  { form, onSubmit, asChild, ...props }: FormProps<TFieldValues, TContext, TTransformedValues>,
  ref: ForwardedRef<HTMLFormElement>,
) {
  const { isSubmitting } = useFormState({ control: form.control });
  const inFlight = useRef(false);
  const [alertFocus] = useState<FormAlertFocus>(() => ({ armed: false }));

  // Runs after an `asChild` element's own `onSubmit`, unless that one called `preventDefault()`.
  const handleSubmit = (event: FormEvent<HTMLFormElement>): void => {
    if (event.defaultPrevented) return;
    event.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    alertFocus.armed = true;
    form.clearErrors('root.server');
    const submit = form.handleSubmit(async (values) => {
      try {
        await onSubmit(values);
      } catch (error) {
        applyServerError(form, isServerErrorLike(error) ? error : { message: 'form.unknownError' });
      }
    });
    void submit(event).finally(() => {
      inFlight.current = false;
      if (!form.getFieldState('root' as Path<TFieldValues>).invalid) alertFocus.armed = false;
    });
  };

  const Comp = asChild ? Slot : 'form';
  return (
    <FormProvider {...form}>
      <FormAlertFocusContext.Provider value={alertFocus}>
        <Comp
          noValidate
          ref={ref}
          {...props}
          onSubmit={handleSubmit}
          data-pending={isSubmitting ? '' : undefined}
        />
      </FormAlertFocusContext.Provider>
    </FormProvider>
  );
}) as FormComponent;
