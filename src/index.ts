/**
 * `emporix-customer-react`: the React entry — provider, hooks, query/mutation option factories,
 * headless form components and the form schemas. Client components only (`'use client'` is added by the build).
 */
export * from './hooks';
export * from './components';
export * from './forms';
