'use client';
// app/account/account-view.tsx: the same hooks and components as in any other mode
import { AddressBook, ProfileForm, useCustomer } from 'emporix-customer-react';

export function AccountView() {
  // Found in the cache the server filled: rendered into the first HTML, no request after hydration.
  const { data: customer } = useCustomer({ expand: ['addresses'] });
  return (
    <main>
      <h1>{customer ? `Hello, ${customer.firstName}` : 'My account'}</h1>
      <ProfileForm />
      <AddressBook />
    </main>
  );
}
