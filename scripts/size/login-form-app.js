// size-limit entry for "a login page": what a storefront imports to show `LoginForm` — the form, the provider
// it needs, a client, and the QueryClient every app creates once.
import { QueryClient } from '@tanstack/react-query';
import { CustomerProvider, LoginForm } from '../../dist/index.js';
import { createCustomerClient } from '../../dist/api.js';

console.log(QueryClient, CustomerProvider, LoginForm, createCustomerClient);
