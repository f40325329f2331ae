/**
 * What `asChild` renders: the part's only child element in place of the part's own element, with the part's
 * props merged into the child's. Handlers of both run, the child's first; a `preventDefault()` there
 * stops the part's own. `className`s and `aria-describedby` ids are joined, `style`s merged (the child's
 * win), refs composed. The wiring and state the part exists for are the part's: where the part sets `id`,
 * `htmlFor`, `name`, `type`, `aria-invalid`, `disabled`, `aria-disabled` or a `data-*` state attribute, its
 * value wins over the child's. Any other prop of the child wins.
 */
import { Children, cloneElement, forwardRef, isValidElement, version } from 'react';
import type { HTMLAttributes, ReactElement, ReactNode, Ref } from 'react';
import { composeRefs } from './compose-refs';

export interface SlotProps extends HTMLAttributes<HTMLElement> {
  children?: ReactNode;
}

type Props = Record<string, unknown>;
type Handler = (...args: unknown[]) => unknown;

/** Props whose value, when the part sets one, the child cannot replace: the part's wiring. */
const partOwned = new Set(['id', 'htmlFor', 'name', 'type', 'aria-invalid', 'disabled', 'aria-disabled']);

const isPartOwned = (name: string) => partOwned.has(name) || name.startsWith('data-');

const isPrevented = (event: unknown): boolean =>
  typeof event === 'object' && event !== null && (event as { defaultPrevented?: unknown }).defaultPrevented === true;

const isHandler = (name: string, value: unknown): value is Handler => /^on[A-Z]/.test(name) && typeof value === 'function';

function joinTokens(...lists: unknown[]): string | undefined {
  const tokens = lists.flatMap((list) => (typeof list === 'string' ? list.split(/\s+/) : [])).filter(Boolean);
  return tokens.length === 0 ? undefined : [...new Set(tokens)].join(' ');
}

function mergeProps(part: Props, child: Props): Props {
  const merged: Props = { ...part, ...child };
  for (const [name, ours] of Object.entries(part)) {
    const theirs = child[name];
    if (isHandler(name, ours) && isHandler(name, theirs)) {
      merged[name] = (...args: unknown[]) => {
        const result = theirs(...args);
        if (!isPrevented(args[0])) ours(...args);
        return result;
      };
    } else if (name === 'style') {
      merged[name] = { ...(ours as object), ...(theirs as object) };
    } else if (name === 'className') {
      merged[name] = [ours, theirs].filter(Boolean).join(' ');
    } else if (name === 'aria-describedby') {
      merged[name] = joinTokens(theirs, ours);
    } else if (isPartOwned(name) && ours !== undefined) {
      merged[name] = ours;
    }
  }
  return merged;
}

/** React 19 keeps an element's ref among its props; React 18 on the element (reading it there in 19 warns). */
const refInProps = Number(version.split('.')[0]) >= 19;

function refOf(element: ReactElement): Ref<unknown> | undefined {
  if (refInProps) return (element.props as { ref?: Ref<unknown> }).ref;
  return (element as unknown as { ref?: Ref<unknown> }).ref;
}

export const Slot = forwardRef<HTMLElement, SlotProps>(function Slot({ children, ...props }, ref) {
  const child: unknown = Children.only(children);
  if (!isValidElement(child)) return null;
  const merged = mergeProps(props, child.props as Props);
  merged.ref = ref ? composeRefs(ref, refOf(child)) : refOf(child);
  return cloneElement(child, merged);
});
