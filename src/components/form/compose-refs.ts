import type { Ref, RefCallback } from 'react';

/** One ref callback that feeds every given ref (React 18 has no ref cleanup functions, so none are returned). */
export function composeRefs<T>(...refs: ReadonlyArray<Ref<T> | undefined>): RefCallback<T> {
  return (node) => {
    for (const ref of refs) {
      if (typeof ref === 'function') ref(node);
      else if (ref) ref.current = node;
    }
  };
}
