// What a team would import instead, for the bench only: Clerk's `<SignIn/>` with the provider it needs.
// The form itself is not in this bundle: ClerkProvider loads Clerk's browser script at runtime.
import { ClerkProvider, SignIn } from '@clerk/clerk-react';

console.log(ClerkProvider, SignIn);
