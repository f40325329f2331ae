/**
 * A tiny router over the History API, so the example needs no router package: the current route, `navigate`,
 * `<Link>` (navigates without a reload) and `<Redirect>`. Paths are the app's own, below Vite's `base`.
 */
import { useEffect, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const base = import.meta.env.BASE_URL.replace(/\/$/, '');

/** The page's path, and a key that changes on every navigation (so a page mounts afresh, even on the same path). */
export interface Route {
  path: string;
  key: number;
}

function currentPath(): string {
  const { pathname } = window.location;
  const path = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  return path.replace(/\/+$/, '') || '/';
}

let route: Route = { path: currentPath(), key: 0 };
const listeners = new Set<() => void>();

function update(): void {
  route = { path: currentPath(), key: route.key + 1 };
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', update);

/** Goes to an app path such as `/account` or `/password/reset?token=…`. */
export function navigate(to: string, { replace = false } = {}): void {
  window.history[replace ? 'replaceState' : 'pushState'](null, '', `${base}${to}`);
  window.scrollTo(0, 0);
  update();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, () => route);
}

/** The app path of a URL of this app, or `undefined` for any other URL. */
function appPath(url: URL): string | undefined {
  if (url.origin !== window.location.origin || !url.pathname.startsWith(`${base}/`)) return undefined;
  return url.pathname.slice(base.length) + url.search;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & {
  /** An app path (`/login`) or a full URL; URLs of this app are followed without a reload. */
  href: string;
};

export function Link({ href, onClick, ...props }: LinkProps) {
  const url = new URL(href.startsWith('/') ? `${base}${href}` : href, window.location.href);
  const current = useRoute();
  const to = appPath(url);
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    const plainClick = event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
    if (to === undefined || event.defaultPrevented || !plainClick) return;
    event.preventDefault();
    navigate(to);
  };
  return <a aria-current={to === current.path ? 'page' : undefined} {...props} href={url.href} onClick={follow} />;
}

export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
