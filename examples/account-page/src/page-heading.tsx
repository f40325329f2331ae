/**
 * A page's `<h1>`. After a navigation within the app it takes the focus, as a full page load would reset it,
 * so keyboard and screen-reader users continue on the new page instead of on `<body>`; it also names the tab.
 */
import { useEffect, useRef } from 'react';
import { useRoute } from './router';

/** The navigation whose heading was focused: a heading that mounts again (StrictMode, a reload of data) keeps still. */
let focusedFor = 0;

export function PageHeading({ children }: { children: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { key } = useRoute();
  useEffect(() => {
    document.title = `${children} — Example storefront`;
    // Key 0 is the page the browser loaded: its focus starts at the top of the document as usual.
    if (key > 0 && focusedFor !== key) {
      focusedFor = key;
      heading.current?.focus();
    }
  }, [children, key]);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {children}
    </h1>
  );
}
