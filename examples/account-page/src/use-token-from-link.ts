import { useEffect, useState } from 'react';

/**
 * Reads `?token=` from the page's URL once, then removes it from the address bar (and from this history
 * entry), so it does not linger in the history, bookmarks or screenshots. The token stays in state.
 */
export function useTokenFromLink(param = 'token'): string | null {
  const [token] = useState(() => new URLSearchParams(window.location.search).get(param));
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has(param)) return;
    url.searchParams.delete(param);
    window.history.replaceState(window.history.state, '', url);
  }, [param]);
  return token;
}
