// What a team would import instead, for the bench only: Supabase's login UI with its client.
import { createClient } from '@supabase/supabase-js';
import { Auth } from '@supabase/auth-ui-react';

console.log(createClient, Auth);
