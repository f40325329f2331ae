import { useFormContext } from 'react-hook-form';
import type { FieldValues, UseFormReturn } from 'react-hook-form';

/** The nearest `<Form>`'s react-hook-form methods; throws a sentence naming `partName` outside a `<Form>`. */
export function useFormMethods(partName: string): UseFormReturn<FieldValues> {
  const form = useFormContext() as UseFormReturn<FieldValues> | null;
  if (form === null) {
    throw new Error(`\`<${partName}>\` must be used within \`<Form>\`.`);
  }
  return form;
}
