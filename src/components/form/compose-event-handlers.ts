/**
 * Runs the user's handler first; ours runs only if the user did not call `event.preventDefault()`.
 * Ours also checks `defaultPrevented` itself, so the rule holds when `Slot` merges a child's handler in.
 */
export function composeEventHandlers<E extends { readonly defaultPrevented: boolean }>(
  theirs: ((event: E) => void) | undefined,
  ours: (event: E) => void,
): (event: E) => void {
  return (event) => {
    theirs?.(event);
    if (!event.defaultPrevented) ours(event);
  };
}
