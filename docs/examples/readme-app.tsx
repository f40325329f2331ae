// src/App.tsx of a Vite app (npm create vite@latest my-shop -- --template react-ts): its main.tsx renders this default export.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createCustomerClient } from 'emporix-customer-react/api';
import { CustomerProvider, LoginForm, useCustomer, useLogout } from 'emporix-customer-react';
import 'emporix-customer-react/styles.css'; // optional: a finished look for everything inside class="emporix"

const client = createCustomerClient({ tenant: 'myshop', clientId: 'your-storefront-client-id' });
const queryClient = new QueryClient();

function Account() {
  const { data: customer } = useCustomer();
  const logout = useLogout();
  if (!customer) return <LoginForm />;
  return (
    <p>
      Hello {customer.firstName}. <button onClick={() => logout.mutate()}>Log out</button>
    </p>
  );
}

export default function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <CustomerProvider client={client}>
        <main className="emporix">
          <Account />
        </main>
      </CustomerProvider>
    </QueryClientProvider>
  );
}
