import { createContext, useContext } from 'react';
import type { Context } from 'react';

/**
 * A context that belongs to one parent part. Reading it outside that parent throws a sentence naming both
 * parts, so a misplaced `<FieldError>` fails loudly instead of rendering a broken form.
 */
export function createPartContext<T>(parentName: string): readonly [
  Context<T | null>,
  (partName: string) => T,
] {
  const PartContext = createContext<T | null>(null);
  PartContext.displayName = `${parentName}Context`;

  function usePartContext(partName: string): T {
    const value = useContext(PartContext);
    if (value === null) {
      throw new Error(`\`<${partName}>\` must be used within \`<${parentName}>\`.`);
    }
    return value;
  }

  return [PartContext, usePartContext] as const;
}
