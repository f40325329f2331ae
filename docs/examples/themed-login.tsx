import { LoginForm } from 'emporix-customer-react';
// Once, at the root of your app: the optional look, then your theme on top of it.
import 'emporix-customer-react/styles.css';
import './custom-theme.css';

export function ThemedLogin() {
  // Everything inside `.emporix` takes the look; `brand` is the theme above.
  return (
    <div className="emporix brand">
      <LoginForm />
    </div>
  );
}
