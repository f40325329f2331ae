import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';

/** Which parts of react-hook-form's state a selector depends on. */
export type WatchedFormState = NonNullable<Parameters<UseFormReturn<FieldValues>['subscribe']>[0]['formState']>;

/**
 * Reads a slice of react-hook-form state for the given names and re-renders only when that slice changes
 * (compared with `isEqual`). Narrower than `useFormState({ name, exact: true })`, which also re-renders on
 * every update that names no field — react-hook-form announces the whole `errors` object that way two or
 * three times per submit, which would re-render every field of the form on each submit.
 *
 * `name` and `formState` must keep their identity between renders (a field name, a module constant).
 */
export function useFormSelector<T>(
  form: UseFormReturn<FieldValues>,
  name: string | readonly string[],
  formState: WatchedFormState,
  select: () => T,
  isEqual: (previous: T, next: T) => boolean,
): T {
  const { subscribe } = form;
  const subscribeToForm = useCallback(
    (notify: () => void) => subscribe({ name, exact: true, formState, callback: notify }),
    [subscribe, name, formState],
  );

  const cache = useRef<{ readonly value: T } | null>(null);
  const getSnapshot = (): T => {
    const next = select();
    if (cache.current !== null && isEqual(cache.current.value, next)) return cache.current.value;
    cache.current = { value: next };
    return next;
  };

  return useSyncExternalStore(subscribeToForm, getSnapshot, getSnapshot);
}
