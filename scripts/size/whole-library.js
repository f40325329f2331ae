// size-limit entry for "the whole library": everything a storefront can import from the React entry and
// from `/api`, bundled together so the chunk they share is counted once (`/testing` is for tests only), with
// the QueryClient every app creates once — a peer, so only the "beyond React" measure counts it.
export * from '../../dist/index.js';
export * from '../../dist/api.js';
export { QueryClient } from '@tanstack/react-query';
