import { createCustomerClient } from 'emporix-customer-react/api';

const tenant = import.meta.env.VITE_EMPORIX_TENANT as string | undefined;
const clientId = import.meta.env.VITE_EMPORIX_CLIENT_ID as string | undefined;
if (!tenant || !clientId) throw new Error('Set VITE_EMPORIX_TENANT and VITE_EMPORIX_CLIENT_ID.');

export const client = createCustomerClient({
  tenant, // lowercase, as in the Emporix Developer Portal
  clientId, // the storefront API key (Manage API keys → Storefront API)
  // baseUrl: 'https://api.emporix.io', // the default
  sessionContext: {
    currency: 'EUR', // three-letter currency code
    siteCode: 'main', // a site of your tenant (Site Settings Service)
    language: 'EN',
    targetLocation: 'DE', // a country of your tenant (Country Service)
  },
});
